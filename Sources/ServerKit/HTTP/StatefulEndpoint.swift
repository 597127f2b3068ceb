import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MCP
import Synchronization

/// Sessions (`--stateful`): `initialize` opens one and names it in `Mcp-Session-Id`;
/// POSTs in it are answered with JSON, a GET opens its SSE stream for the server's
/// own requests, DELETE ends it.
///
/// Sessions are bounded: when a session opens, those unused for
/// ``HTTPServingOptions/sessionIdleTimeout`` end, and past ``HTTPServingOptions/maxSessions``
/// the least recently used one ends to make room. A client whose session ended gets 404
/// and initializes again, as the protocol asks.
final class StatefulEndpoint: MCPEndpoint {
    private final class Session: Sendable {
        let id: String
        let server: ServerSession
        let events: SessionEvents
        let lastUsed: Mutex<ContinuousClock.Instant>

        init(id: String, logger: Logger) {
            self.id = id
            let events = SessionEvents()
            self.events = events
            var logger = logger
            logger[metadataKey: "session"] = "\(id.prefix(8))"
            server = ServerSession(logger: logger) { message in try events.send(message) }
            lastUsed = Mutex(.now)
        }

        /// Ends the session at once: work in progress is answered with an error.
        func end() {
            server.close()
            events.finish()
        }

        /// Ends the session after the answers it owes, waiting at most `timeout`.
        func end(within timeout: Duration) async {
            events.finish()
            _ = await server.settled(within: timeout)
            server.close()
        }
    }

    private let router: MessageRouter
    private let logger: Logger
    private let maxSessions: Int
    private let idleTimeout: Duration
    private let sessions = Mutex<[String: Session]>([:])

    init(router: MessageRouter, logger: Logger, maxSessions: Int, idleTimeout: Duration) {
        self.router = router
        self.logger = logger
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
    }

    var allowedMethods: String { "GET, POST, DELETE" }

    func respond(to request: Request, body: ByteBuffer) async -> Response {
        guard let id = request.headers.value(RequestChecks.sessionIDField) else {
            return await open(request, body: body)
        }
        guard let session = sessions.withLock({ $0[id] }) else {
            return HTTPRefusal(status: 404, message: "Not Found: unknown or expired session; initialize again").response
        }
        session.lastUsed.withLock { $0 = .now }
        let headers: HTTPFields = [RequestChecks.sessionIDField: id]
        switch request.method {
        case .post:
            if let refusal = RequestChecks.refusal(ofPost: request.headers) { return refusal.response }
            return await router.answer(body, in: session.server, headers: headers)
        case .get:
            if let refusal = RequestChecks.refusal(ofStreamRequest: request.headers) { return refusal.response }
            return session.events.openStream(headers: headers)
        case .delete:
            end(id)
            return Response(status: .ok, headers: headers)
        default:
            return HTTPRefusal(status: 405, message: "Method Not Allowed", headers: ["Allow": allowedMethods]).response
        }
    }

    /// Ends every session once the answers it owes are sent (at most 10 seconds), so
    /// requests in flight when a shutdown begins are still answered.
    func shutdown() async {
        let all = sessions.withLock { sessions in
            defer { sessions = [:] }
            return Array(sessions.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for session in all { group.addTask { await session.end(within: .seconds(10)) } }
        }
    }

    // MARK: - Opening and ending

    private func open(_ request: Request, body: ByteBuffer) async -> Response {
        guard request.method == .post, Self.isInitialize(body) else {
            return HTTPRefusal(
                status: 400, message: "Bad Request: send initialize first, then the Mcp-Session-Id header it returns"
            ).response
        }
        if let refusal = RequestChecks.refusal(ofPost: request.headers) { return refusal.response }
        let session = Session(id: UUID().uuidString, logger: logger)
        let response = await router.answer(
            body, in: session.server, headers: [RequestChecks.sessionIDField: session.id])
        guard session.server.protocolVersion != nil else {
            // initialize was refused: no session to keep, and none to name.
            session.end()
            var refused = response
            refused.headers[RequestChecks.sessionIDField] = nil
            return refused
        }
        keep(session)
        return response
    }

    /// Keeps a new session, first ending idle ones and, past the limit, the least recently used.
    private func keep(_ session: Session) {
        let now = ContinuousClock.now
        let ended: [Session] = sessions.withLock { sessions in
            var ended: [Session] = []
            for (id, candidate) in sessions
            where !candidate.events.hasOpenStream && now - candidate.lastUsed.withLock({ $0 }) > idleTimeout {
                ended.append(sessions.removeValue(forKey: id)!)
            }
            while sessions.count >= maxSessions,
                let oldest = sessions.values.min(by: { $0.lastUsed.withLock { $0 } < $1.lastUsed.withLock { $0 } })
            {
                ended.append(sessions.removeValue(forKey: oldest.id)!)
            }
            sessions[session.id] = session
            return ended
        }
        if !ended.isEmpty {
            logger.info("Ended idle or least recently used sessions", metadata: ["count": "\(ended.count)"])
        }
        for session in ended { session.end() }
    }

    private func end(_ id: String) {
        sessions.withLock { $0.removeValue(forKey: id) }?.end()
    }

    /// Whether a body is one `initialize` request.
    private static func isInitialize(_ body: ByteBuffer) -> Bool {
        guard case .object(let members)? = try? body.withUnsafeReadableBytes({ try JSONParser.parse($0) }) else { return false }
        return members["method"] == .string(Initialize.name) && members["id"] != nil
    }
}
