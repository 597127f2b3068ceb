import Foundation
import Hummingbird
import MCP

/// Answers the MCP requests that reach `/mcp`, after the access checks.
protocol MCPEndpoint: Sendable {
    func respond(to request: Request, body: ByteBuffer) async -> Response
    /// Ends open sessions and streams, so a graceful shutdown does not wait on them.
    func shutdown() async
}

extension MCPEndpoint {
    func shutdown() async {}
}

/// An endpoint that hands every request to an SDK transport.
protocol SDKTransportEndpoint: MCPEndpoint {
    func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse
}

extension SDKTransportEndpoint {
    func respond(to request: Request, body: ByteBuffer) async -> Response {
        Response(await handle(MCP.HTTPRequest(request, body: body)))
    }
}
