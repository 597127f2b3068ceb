import Foundation
import HTTPTypes
import Hummingbird

/// Answers the MCP requests that reach `/mcp`, after the access checks and with the
/// body read.
protocol MCPEndpoint: Sendable {
    /// The HTTP methods `/mcp` answers, for `Allow`.
    var allowedMethods: String { get }
    func respond(to request: Request, body: ByteBuffer) async -> Response
    /// Ends open sessions and streams, so a graceful shutdown does not wait on them.
    func shutdown() async
}
