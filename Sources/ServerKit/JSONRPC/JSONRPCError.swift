import MCP

/// A JSON-RPC error: what was wrong with a message, worded so the client can fix it.
///
/// Messages name what the client sent only in short: a tool name or method of a
/// megabyte is clipped, never echoed back whole.
public struct JSONRPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String
    /// What a client may act on, such as the versions an `UnsupportedProtocolVersion` lists.
    public var data: Value?

    public init(code: Int, message: String, data: Value? = nil) {
        self.code = code
        self.message = message.clipped(to: Self.maximumMessageLength)
        self.data = data
    }

    static let maximumMessageLength = 2_000

    /// The message is not JSON (or not UTF-8).
    static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32700, message: "Parse error: \(detail)")
    }

    /// The JSON is not a JSON-RPC request.
    static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "Invalid Request: \(detail)")
    }

    static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: -32601, message: "Method not found: \(method.clipped(to: 100))")
    }

    public static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32602, message: "Invalid params: \(detail)")
    }

    /// `resources/read` of a URI the server does not have.
    static func resourceNotFound(_ uri: String) -> JSONRPCError {
        JSONRPCError(code: -32002, message: "Resource not found: \(uri.clipped(to: 200))")
    }

    static func internalError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32603, message: "Internal error: \(detail)")
    }
}
