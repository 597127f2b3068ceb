import Hummingbird
import HummingbirdCore
import Logging
import NIOPosix
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
        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: options.eventLoopThreads)
        let (application, endpoint) = httpApplication(
            options, eventLoops: .shared(eventLoops), logger: logger, onRunning: onRunning)
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

    /// The HTTP application that serves the service, and the endpoint behind `/mcp`.
    func httpApplication(
        _ options: HTTPServingOptions, eventLoops: EventLoopGroupProvider, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> (Application<MCPResponder>, any MCPEndpoint) {
        let router = MessageRouter(service: self)
        let endpoint = endpoint(for: options, router: router, logger: logger)
        let application = Application(
            responder: MCPResponder(endpoint: endpoint, modern: ModernExchange(router: router, logger: logger), options: options),
            server: HTTPServerBuilder { responder in
                HTTP1ServerChannel(responder: responder, idleTimeout: options.idleTimeout, bodyTimeout: options.bodyTimeout)
            },
            configuration: .init(
                address: .hostname(options.host, port: options.port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections, logger: logger)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            eventLoopGroupProvider: eventLoops,
            logger: logger)
        return (application, endpoint)
    }

    /// The endpoint that answers `/mcp`: sessions with `--stateful`, else one answer per POST.
    func endpoint(for options: HTTPServingOptions, router: MessageRouter, logger: Logger) -> any MCPEndpoint {
        guard options.stateful else { return StatelessEndpoint(router: router, logger: logger) }
        return StatefulEndpoint(
            router: router, logger: logger, maxSessions: options.maxSessions, idleTimeout: options.sessionIdleTimeout)
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
