import NIOCore

/// How an MCP service is served over Streamable HTTP.
public struct HTTPServingOptions: Sendable {
    /// The address to bind, such as `127.0.0.1`, `0.0.0.0` or `::1`.
    public var host: String
    /// The port to bind; `0` picks a free one.
    public var port: Int
    /// Who may call: host names, origins and an optional bearer token.
    public var access: AccessPolicy
    /// Sessions and SSE streams (`Mcp-Session-Id`) instead of one JSON answer per POST.
    public var stateful: Bool
    /// Request bodies larger than this are refused with 413.
    public var maxBodyBytes: Int
    /// Threads for network I/O. Request handlers run on Swift's cooperative pool,
    /// which has a thread per core already, so I/O gets half the cores (at least one);
    /// more only makes the two contend.
    public var eventLoopThreads: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        access: AccessPolicy = AccessPolicy(),
        stateful: Bool = false,
        maxBodyBytes: Int = 1 << 20,
        eventLoopThreads: Int = max(1, System.coreCount / 2)
    ) {
        self.host = host
        self.port = port
        self.access = access
        self.stateful = stateful
        self.maxBodyBytes = maxBodyBytes
        self.eventLoopThreads = eventLoopThreads
    }

    /// The paths that answer MCP requests: the standard one and the seed's.
    public static let endpointPaths = ["/mcp", "/mcp/jsonrpc"]
}
