import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Threads for network I/O: one a core, as Hummingbird's own default. Handlers run
    /// on Swift's cooperative pool, but a request's I/O (reading and parsing it, writing
    /// the answer) is most of its cost, and with half the cores for it the two-core
    /// machines Setlist is measured on served a fifth fewer requests a second.
    public var eventLoopThreads: Int
    /// A connection with no request in progress, or whose request stops arriving, is
    /// closed after this long; so are connections that never finish their headers.
    public var idleTimeout: Duration
    /// A request's whole body must arrive within this long, or it gets 408.
    public var bodyTimeout: Duration
    /// Connections served at once; more wait to be accepted. Kept below the process's
    /// file limit, so a crowd of idle sockets cannot take every descriptor.
    public var maxConnections: Int
    /// Sessions kept at once with `--stateful`; the least recently used goes first.
    public var maxSessions: Int
    /// A session unused for this long is ended.
    public var sessionIdleTimeout: Duration

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        access: AccessPolicy = AccessPolicy(),
        stateful: Bool = false,
        maxBodyBytes: Int = 1 << 20,
        eventLoopThreads: Int = System.coreCount,
        idleTimeout: Duration = .seconds(60),
        bodyTimeout: Duration = .seconds(30),
        maxConnections: Int = Self.connectionsWithinFileLimit(),
        maxSessions: Int = 1_000,
        sessionIdleTimeout: Duration = .seconds(30 * 60)
    ) {
        self.host = host
        self.port = port
        self.access = access
        self.stateful = stateful
        self.maxBodyBytes = maxBodyBytes
        self.eventLoopThreads = eventLoopThreads
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
        self.maxSessions = maxSessions
        self.sessionIdleTimeout = sessionIdleTimeout
    }

    /// Up to 4,096 connections, leaving 64 descriptors of the process's limit for
    /// files, logs and the listening socket.
    public static func connectionsWithinFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        let available = limit.rlim_cur == rlim_t.max ? 4_096 : Int(clamping: limit.rlim_cur) - 64
        return min(4_096, max(16, available))
    }
}
