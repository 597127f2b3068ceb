import Logging
import MCP

extension MCPService {
    /// Serves the service over standard input and output until the client closes input.
    ///
    /// Standard output carries protocol messages only; logs go to the `logger`,
    /// which the `setlist` command points at standard error.
    public func serveStandardIO(logger: Logger) async throws {
        let declaration = ClientDeclaration()
        let transport = StandardIOTransport(
            direct: ConnectionAnswers(service: self, declaration: declaration), logger: logger)
        let server = try await start(on: transport, bidirectional: true, logger: logger, declaration: declaration)
        logger.info("Serving \(name) over stdio")
        await server.waitUntilCompleted()
        await server.stop()
    }
}
