import MCP

/// The resources a server offers (MCP `resources/list` and `resources/read`), read each
/// time a client asks, so a list can grow while the server runs.
public struct ResourceProvider: Sendable {
    public var list: @Sendable () async throws -> [Resource]
    /// The contents under a URI; throws ``ResourceNotFound`` for one the server does not have.
    public var read: @Sendable (String) async throws -> [Resource.Content]

    public init(
        list: @escaping @Sendable () async throws -> [Resource],
        read: @escaping @Sendable (String) async throws -> [Resource.Content]
    ) {
        self.list = list
        self.read = read
    }
}

/// No resource has this URI (JSON-RPC error -32002, as MCP specifies).
public struct ResourceNotFound: Error, Sendable, Equatable {
    public var uri: String

    public init(uri: String) {
        self.uri = uri
    }
}
