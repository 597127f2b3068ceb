import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension MCPService {
    /// Serves the service over standard input and output until the client closes input.
    ///
    /// Standard output carries protocol messages only; logs go to the `logger`,
    /// which the `setlist` command points at standard error.
    public func serveStandardIO(logger: Logger) async {
        // A client that goes away must not kill a write in progress: a closed pipe
        // is reported as an error instead.
        signal(SIGPIPE, SIG_IGN)
        logger.info("Serving \(name) over stdio")
        await StdioConnection(service: self, logger: logger).run()
    }
}
