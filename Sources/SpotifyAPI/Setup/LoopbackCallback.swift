import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SpotifyModels

/// Waits on this machine for the browser to come back from Spotify's login page.
///
/// A small HTTP server on 127.0.0.1 answers the redirect URI's path once: with the
/// code when the `state` matches the login it started, with an explanation when not.
final class LoopbackCallback: Sendable {
    /// The redirect URI to give Spotify, with the port actually bound.
    let redirectURI: URL
    private let server: ServiceGroup
    private let task: Task<Void, any Error>
    private let results: AsyncStream<Result<String, LoginError>>

    /// Starts listening for `redirect` (its port, or a free one when it has none).
    init(redirect: URL?, expectedState: String, logger: Logger) async throws {
        let path = redirect.map { $0.path.isEmpty ? "/" : $0.path } ?? "/callback"
        let (results, resultContinuation) = AsyncStream<Result<String, LoginError>>.makeStream()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let router = Router()
        router.get(RouterPath(path)) { request, _ -> Response in
            let query = FormEncoding.decode(request.uri.query ?? "")
            let outcome: Result<String, LoginError> =
                if let error = query["error"] { .failure(.denied(error)) }
                else if query["state"] != expectedState { .failure(.stateMismatch) }
                else if let code = query["code"], !code.isEmpty { .success(code) }
                else { .failure(.noCode) }
            resultContinuation.yield(outcome)
            let page: String
            switch outcome {
            case .success: page = "Setlist is logged in to Spotify. You can close this tab."
            case .failure(let error): page = "Setlist could not log in: \(error.errorDescription ?? "")"
            }
            return Response(
                status: (try? outcome.get()) == nil ? .badRequest : .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: redirect?.port ?? 0), serverName: nil),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let server = ServiceGroup(configuration: .init(services: [app], logger: logger))
        self.server = server
        task = Task { try await server.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw LoginError.callbackFailed }
        var components = URLComponents()
        components.scheme = "http"
        components.host = "127.0.0.1"
        components.port = port
        components.path = path
        redirectURI = components.url!
        self.results = results
    }

    /// The code from the first redirect that arrives, or why there is none.
    ///
    /// The server then stops gracefully, so the browser still gets its page.
    func code(timeout: Duration) async throws -> String {
        defer { Task { [server] in await server.triggerGracefulShutdown() } }
        let results = results
        return try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                for await result in results { return try result.get() }
                throw LoginError.callbackFailed
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw LoginError.timedOut
            }
            let code = try await group.next()!
            group.cancelAll()
            return code
        }
    }

}
