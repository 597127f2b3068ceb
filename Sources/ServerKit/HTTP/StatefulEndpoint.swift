import Foundation
import Logging
import MCP

/// Sessions with SSE streams (`--stateful`): a server per `Mcp-Session-Id`, kept
/// until the client deletes it or leaves it idle for `idleTimeout`.
actor StatefulEndpoint: SDKTransportEndpoint {
    private struct Session {
        let server: Server
        let transport: StatefulHTTPServerTransport
        var lastUsed: ContinuousClock.Instant
    }

    private let service: MCPService
    private let logger: Logger
    private let idleTimeout: Duration
    private let pipeline = StandardValidationPipeline(validators: [
        AcceptHeaderValidator(mode: .sseRequired), ContentTypeValidator(), ProtocolVersionValidator(), SessionValidator(),
    ])
    private var sessions: [String: Session] = [:]

    init(service: MCPService, logger: Logger, idleTimeout: Duration = .seconds(3600)) {
        self.service = service
        self.logger = logger
        self.idleTimeout = idleTimeout
    }

    func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        let now = ContinuousClock.now
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard var session = sessions[id] else {
                return .error(statusCode: 404, .invalidRequest("Not Found: unknown or expired session; initialize again"))
            }
            session.lastUsed = now
            sessions[id] = session
            let response = await session.transport.handleRequest(request)
            if request.method.uppercased() == "DELETE", response.statusCode == 200 {
                await close(id)
            }
            return response
        }
        guard request.method.uppercased() == "POST", let body = request.body,
            let message = try? JSONDecoder().decode(MethodProbe.self, from: body), message.method == "initialize"
        else {
            return .error(
                statusCode: 400,
                .invalidRequest("Bad Request: send initialize first, then the Mcp-Session-Id header it returns"))
        }
        await closeIdleSessions(now: now)
        return await openSession(for: request, at: now)
    }

    func shutdown() async {
        for id in sessions.keys { await close(id) }
    }

    private func openSession(for request: MCP.HTTPRequest, at now: ContinuousClock.Instant) async -> MCP.HTTPResponse {
        let id = UUID().uuidString
        let transport = StatefulHTTPServerTransport(
            sessionIDGenerator: FixedSessionID(id: id), validationPipeline: pipeline, logger: logger)
        do {
            let server = try await service.start(on: transport, bidirectional: true, logger: logger)
            sessions[id] = Session(server: server, transport: transport, lastUsed: now)
            let response = await transport.handleRequest(request)
            if case .error = response { await close(id) }
            return response
        } catch {
            await transport.disconnect()
            return .error(statusCode: 500, .internalError("The server could not open a session"))
        }
    }

    private func closeIdleSessions(now: ContinuousClock.Instant) async {
        for (id, session) in sessions where now - session.lastUsed > idleTimeout {
            await close(id)
        }
    }

    private func close(_ id: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        await session.server.stop()
    }

    private struct FixedSessionID: SessionIDGenerator {
        let id: String
        func generateSessionID() -> String { id }
    }

    private struct MethodProbe: Decodable {
        let method: String?
    }
}
