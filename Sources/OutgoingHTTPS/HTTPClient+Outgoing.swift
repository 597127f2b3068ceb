import AsyncHTTPClient

extension HTTPClient {
    /// Setlist's shared client for outgoing HTTPS: `HTTPClient.shared` with ``OutgoingTLS``.
    public static let outgoing = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .outgoing)
}

extension HTTPClient.Configuration {
    /// The shared client's configuration with ``OutgoingTLS``.
    public static var outgoing: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.tlsConfiguration = OutgoingTLS.configuration
        return configuration
    }
}
