import AsyncHTTPClient
import NIOPosix
import OutgoingHTTPS

extension HTTPClient {
    /// The host's client for models and MCP servers over HTTP, with Setlist's outgoing TLS
    /// (``OutgoingTLS``: a key log when asked). A server that refuses the connection (a
    /// local model server that is not running, a wrong port) fails the request at once,
    /// instead of being tried again until the request's deadline.
    static let host: HTTPClient = {
        var configuration = HTTPClient.Configuration(tlsConfiguration: OutgoingTLS.configuration)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
