/// The era of the request a tool is answering, for the few tools whose answers differ
/// by era: the Files server's folders follow the client's MCP roots only in the
/// handshake era, since the modern era has no roots.
public enum RequestEra: Sendable, Equatable {
    case handshake
    case modern

    /// Set by the router around each tool call.
    @TaskLocal public static var current: RequestEra = .handshake
}
