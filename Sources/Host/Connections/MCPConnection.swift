import MCP

/// One MCP server as the host sees it: its tools, and calls to them. Behind it, a
/// server process over stdio today; Streamable HTTP and the newer protocol revision
/// come next.
public protocol MCPConnection: Sendable {
    /// The server's name, as the host's configuration calls it.
    var name: String { get }
    /// The protocol version the server agreed to.
    var protocolVersion: String? { get }
    func listTools() async throws -> [Tool]
    /// Calls a tool; progress notifications for it go to `onProgress`.
    func callTool(_ tool: String, arguments: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?) async throws
        -> CallTool.Result
    func close() async
}

/// A server's report on a call in progress (`notifications/progress`).
public struct CallProgress: Sendable, Equatable {
    public var progress: Double
    public var total: Double?
    public var message: String?
}

/// Why a server could not be reached or did not answer.
public enum ConnectionError: Error, Equatable, CustomStringConvertible {
    case couldNotStart(server: String, reason: String)
    case exited(server: String, stderr: String)
    case timedOut(server: String, method: String, seconds: Int)
    case rejected(server: String, code: Int, message: String)
    case malformed(server: String, reason: String)

    public var description: String {
        switch self {
        case .couldNotStart(let server, let reason):
            "The MCP server \(server) could not start: \(reason)."
        case .exited(let server, let stderr):
            "The MCP server \(server) stopped." + (stderr.isEmpty ? "" : " It said: \(stderr)")
        case .timedOut(let server, let method, let seconds):
            "The MCP server \(server) did not answer \(method) within \(seconds) s."
        case .rejected(let server, let code, let message):
            "The MCP server \(server) refused: \(message) (\(code))."
        case .malformed(let server, let reason):
            "The MCP server \(server) sent something that is not MCP: \(reason)."
        }
    }
}
