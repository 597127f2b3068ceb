import Foundation
import Hummingbird
import Logging

/// The sandbox as an HTTP server, standalone (`setlist sandbox`) or inside another
/// process on an ephemeral port (the default when no Spotify credentials exist).
public struct SpotifySandboxServer: Sendable {
    public let state: SandboxState
    public let options: SandboxOptions

    public init(options: SandboxOptions = SandboxOptions()) {
        self.options = options
        state = SandboxState(options: options)
    }

    /// The application, for running or for tests.
    public func application(host: String = "127.0.0.1", port: Int = 0, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: SandboxRoutes(state: state, options: options).router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT.
    public func run(host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, logger: logger, onRunning: onRunning).runService()
    }

    /// Starts the sandbox in this process on a free loopback port and returns its base URL;
    /// it stops when `task` is cancelled.
    public func start(logger: Logger) async throws -> (baseURL: URL, task: Task<Void, any Error>) {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = application(logger: logger) { port in continuation.yield(port) }
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return (URL(string: "http://127.0.0.1:\(port)")!, task)
    }
}
