import Logging
import MCP

/// The client at the other end of one connection, as a service's hooks see it.
public struct ClientConnection: Sendable {
    let session: ServerSession

    public var logger: Logger { session.logger }

    /// What the client declared in `initialize`; `nil` before that.
    public var capabilities: Client.Capabilities? { session.capabilities }

    /// The client's roots, asked for with `roots/list`.
    public func listRoots() async throws -> [Root] {
        let result = try await session.request(ListRoots.name)
        return try ValueDecoder().decode(ListRoots.Result.self, from: result).roots
    }
}
