import AsyncHTTPClient
import OutgoingHTTPS
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import SpotifyModels

/// The one client of Spotify's Web API (and ReccoBeats) that everything in Setlist uses.
///
/// Every call goes through ``send(_:_:base:query:body:)``, which adds the token,
/// retries what is worth retrying (rate limits that end soon, server errors, lost
/// connections, one expired token) and turns every other failure into a
/// ``SpotifyError`` that says what to do.
public struct SpotifyClient: Sendable {
    public let endpoints: SpotifyEndpoints
    public let tokens: any AccessTokenProvider
    public let retry: RetryPolicy
    /// Independent requests in flight at once, for the helpers that fan out.
    public let concurrency: Int
    let http: HTTPClient
    let logger: Logger

    public init(
        endpoints: SpotifyEndpoints = .spotify, tokens: any AccessTokenProvider, retry: RetryPolicy = RetryPolicy(),
        concurrency: Int = 8, http: HTTPClient = .outgoing, logger: Logger = Logger(label: "setlist.spotify")
    ) {
        self.endpoints = endpoints
        self.tokens = tokens
        self.retry = retry
        self.concurrency = concurrency
        self.http = http
        self.logger = logger
    }

    /// Which service a request goes to.
    public enum Service: Sendable {
        case api, reccoBeats
    }

    // MARK: - Sending

    /// Sends a request and decodes the answer; `nil` for an empty one (204).
    ///
    /// - Parameter body: a value sent as JSON.
    public func send<Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, base: Service = .api, query: [String: String] = [:],
        body: (any Encodable)? = nil, as type: Answer.Type = Answer.self
    ) async throws -> Answer? {
        let encoded = try body.map { try SpotifyJSON.encoder().encode($0) }
        let data = try await sendRaw(method, path, base: base, query: query, body: encoded)
        guard let data, !data.isEmpty else { return nil }
        do {
            return try SpotifyJSON.decoder().decode(Answer.self, from: data)
        } catch {
            throw SpotifyError.invalidResponse("\(method) \(path): \(error)")
        }
    }

    /// Like ``send(_:_:base:query:body:as:)`` for answers that must have a body.
    public func fetch<Answer: Decodable>(
        _ path: String, base: Service = .api, query: [String: String] = [:], as type: Answer.Type = Answer.self
    ) async throws -> Answer {
        guard let answer = try await send(.GET, path, base: base, query: query, as: Answer.self) else {
            throw SpotifyError.invalidResponse("GET \(path) answered with no content")
        }
        return answer
    }

    /// Sends a request, with retries (``RetryStateMachine`` decides which); the body of a
    /// successful answer.
    func sendRaw(_ method: HTTPMethod, _ path: String, base: Service, query: [String: String], body: Data?) async throws -> Data? {
        var token = base == .api ? try await tokens.accessToken() : nil
        var machine = RetryStateMachine(
            policy: retry, isIdempotent: method != .POST, description: "\(method) \(path)", canRefresh: base == .api)
        while true {
            let action: RetryStateMachine.Action
            var problem: ErrorAnswer?
            var answer = ByteBuffer()
            do {
                var request = HTTPClientRequest(url: url(base: base, path: path, query: query))
                request.method = method
                if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
                if let body {
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(bytes: body))
                }
                let response = try await http.execute(request, timeout: .seconds(30))
                answer = try await response.body.collect(upTo: 16 << 20)
                let status = Int(response.status.code)
                if !(200..<300).contains(status) { problem = ErrorAnswer(status: status, body: Data(answer.readableBytesView)) }
                action = machine.answered(
                    RetryStateMachine.Answer(
                        status: status, retryAfterSeconds: response.headers.first(name: "Retry-After").flatMap { Int($0) },
                        reason: problem?.reason, message: problem?.message ?? ""))
            } catch {
                action = machine.failed(Self.failure(error))
            }
            switch action {
            case .succeed:
                return Data(answer.readableBytesView)
            case .retry(let pause):
                switch pause {
                case .serverAsked(let seconds): try await self.pause(.seconds(seconds), because: "rate limited", path)
                case .backoff(let retry): try await self.pause(self.retry.backoff(beforeRetry: retry), because: "no answer", path)
                }
            case .refreshTokenAndRetry:
                token = try await tokens.refreshedAccessToken(after: token ?? "")
            case .reportAnswer:
                throw problem?.error ?? SpotifyError.invalidResponse("\(method) \(path) failed with no answer")
            case .giveUp(let error):
                throw error
            }
        }
    }

    /// Whether a try that got no answer could have reached Spotify: only a connection
    /// that was never made surely did not.
    static func failure(_ error: any Error) -> RetryStateMachine.Failure {
        let message = "\(error)"
        if let error = error as? HTTPClientError, error == .connectTimeout || error == .getConnectionFromPoolTimeout {
            return .notSent(message)
        }
        if error is NIOConnectionError { return .notSent(message) }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return .notSent(message) }
        if case ChannelError.connectTimeout? = error as? ChannelError { return .notSent(message) }
        return .unanswered(message)
    }

    private func pause(_ duration: Duration, because reason: String, _ path: String) async throws {
        logger.notice("Retrying a Spotify request", metadata: ["path": "\(path)", "reason": "\(reason)", "after": "\(duration)"])
        try await Task.sleep(for: duration)
    }

    func url(base: Service, path: String, query: [String: String]) -> String {
        let root = base == .api ? endpoints.api : endpoints.reccoBeats
        var components = URLComponents(url: root.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty {
            components.percentEncodedQuery = FormEncoding.encode(query)
        }
        return components.string!
    }
}

/// An empty request body, for calls that send none.
public struct Empty: Codable, Sendable {
    public init() {}
}

/// A failed answer, read as a Web API error body where it is one.
struct ErrorAnswer {
    let status: Int
    let message: String
    let reason: String?

    init(status: Int, body: Data) {
        self.status = status
        if let parsed = try? SpotifyJSON.decoder().decode(SpotifyErrorBody.self, from: body) {
            message = parsed.error.message
            reason = parsed.error.reason
        } else {
            message = String(decoding: body.prefix(200), as: UTF8.self)
            reason = nil
        }
    }

    var error: SpotifyError {
        switch (status, reason) {
        case (_, "NO_ACTIVE_DEVICE"): return .noActiveDevice
        case (_, "PREMIUM_REQUIRED"): return .premiumRequired
        case (401, _): return .loginExpired
        case (403, _) where message.contains("not registered"): return .userNotRegistered
        case (403, _) where message.localizedCaseInsensitiveContains("scope"): return .missingScope(message)
        case (403, _): return .forbidden(message)
        case (404, _): return .notFound(message)
        default: return .badRequest("\(status): \(message)")
        }
    }
}
