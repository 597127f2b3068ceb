import MCP

/// One MCP server as the host sees it: its tools, and calls to them. Behind it, a
/// server process over stdio or a Streamable HTTP endpoint, of either protocol era.
public protocol MCPConnection: Sendable {
    /// The server's name, as the host's configuration calls it.
    var name: String { get }
    /// The protocol version agreed with the server: `2026-07-28` in the modern era,
    /// what `initialize` answered in the handshake era.
    var protocolVersion: String? { get }
    /// The era the server was reached in.
    var era: ProtocolEra? { get }
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
    /// A JSON-RPC error.
    case rejected(server: String, code: Int, message: String)
    /// An HTTP answer other than 200 that holds no JSON-RPC error.
    case refusedHTTP(server: String, status: Int, message: String)
    /// The server speaks none of the protocol versions Setlist speaks (-32022).
    case unsupportedVersion(server: String, supported: [String])
    /// A modern-era result that is not `complete`, such as one asking for input.
    case unfinished(server: String, resultType: String)
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
        case .refusedHTTP(let server, let status, let message):
            "The MCP server \(server) answered HTTP \(status): \(message)."
                + (status == 401 || status == 403 ? " Check the headers (such as a token) its configuration sends." : "")
        case .unsupportedVersion(let server, let supported):
            "The MCP server \(server) speaks MCP \(supported.isEmpty ? "versions it did not name" : supported.joined(separator: ", ")); "
                + "Setlist speaks \(ProtocolEra.modernVersion) and \(ProtocolEra.handshakeVersions.sorted().joined(separator: ", ")). "
                + "Use a version of the server, or of Setlist, that shares one."
        case .unfinished(let server, let resultType):
            "The MCP server \(server) answered with a result of type \"\(resultType)\", which Setlist does not handle: "
                + "it takes complete results only. Use another tool, or a server that answers without asking for more."
        case .malformed(let server, let reason):
            "The MCP server \(server) sent something that is not MCP: \(reason)."
        }
    }
}
