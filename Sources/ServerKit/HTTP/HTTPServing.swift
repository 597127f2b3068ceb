import Hummingbird
import NIOPosix
import Logging
import MCP
import ServiceLifecycle

extension MCPService {
    /// Serves the service over Streamable HTTP until SIGTERM or SIGINT.
    ///
    /// On a signal the server stops accepting connections, lets requests in flight
    /// finish, ends open sessions, and returns, so the process exits 0 (Cloud Run
    /// sends SIGTERM before it stops an instance).
    ///
    /// - Parameter onRunning: called with the bound port once the server listens.
    public func serveHTTP(
        _ options: HTTPServingOptions,
        logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let endpoint: any MCPEndpoint =
            options.stateful
            ? StatefulEndpoint(service: self, logger: logger)
            : StatelessEndpoint(service: self, logger: logger)
        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: options.eventLoopThreads)
        let application = Application(
            responder: MCPResponder(endpoint: endpoint, options: options),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            eventLoopGroupProvider: .shared(eventLoops),
            logger: logger)
        // Services stop in reverse order: sessions end first, so their open SSE
        // streams do not hold up the server's wait for requests in flight.
        let group = ServiceGroup(
            configuration: .init(
                services: [application, SessionCloser(endpoint: endpoint)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            try? await eventLoops.shutdownGracefully()
            throw error
        }
        try await eventLoops.shutdownGracefully()
    }
}

/// Ends an endpoint's sessions when a graceful shutdown begins.
private struct SessionCloser: Service {
    let endpoint: any MCPEndpoint

    func run() async throws {
        try? await gracefulShutdown()
        await endpoint.shutdown()
    }
}
