import AsyncHTTPClient
import NIOPosix

extension HTTPClient {
    /// The host's client for models and MCP servers over HTTP. A server that refuses the
    /// connection (a local model server that is not running, a wrong port) fails the
    /// request at once, instead of being tried again until the request's deadline.
    static let host: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
