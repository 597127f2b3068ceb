import Foundation
import Logging
import MCP
import Synchronization

/// Everything one MCP server offers, independent of how it is reached.
///
/// A service makes a fresh SDK `Server` for each connection: one for a stdio
/// process, one per session over stateful HTTP, one per request over stateless HTTP.
public struct MCPService: Sendable {
    public var name: String
    public var title: String?
    public var version: String
    public var instructions: String?
    public var tools: [AnyTool]
    /// Runs when the client has sent `notifications/initialized`, on connections that
    /// can carry requests from server to client (stdio and stateful HTTP).
    public var onInitialized: (@Sendable (ClientConnection) async -> Void)?
    /// Adds handlers of the service's own to each new server, before it starts.
    public var configure: (@Sendable (Server, ClientConnection) async -> Void)?

    private let toolsByName: [String: AnyTool]
    private let descriptors: [Tool]
    /// `tools/list`'s result, encoded once.
    let toolsListJSON: Data

    public init(
        name: String,
        title: String? = nil,
        version: String = SetlistVersion.current,
        instructions: String? = nil,
        tools: [AnyTool],
        onInitialized: (@Sendable (ClientConnection) async -> Void)? = nil,
        configure: (@Sendable (Server, ClientConnection) async -> Void)? = nil
    ) {
        self.name = name
        self.title = title
        self.version = version
        self.instructions = instructions
        self.tools = tools
        self.onInitialized = onInitialized
        self.configure = configure
        self.toolsByName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.descriptors = tools.map(\.descriptor)
        self.toolsListJSON = Self.encodeToolsList(descriptors)
    }

    /// Calls a tool by name, as `tools/call` does.
    ///
    /// - Throws: `MCPError.invalidParams` for a tool the service does not have, which
    ///   the client receives as a JSON-RPC error.
    public func callTool(named name: String, arguments: [String: Value]?) async throws -> CallTool.Result {
        guard let tool = toolsByName[name] else {
            throw MCPError.invalidParams(
                "Unknown tool: \(name). Available tools: \(tools.map(\.name).joined(separator: ", ")).")
        }
        return await tool.call(arguments: arguments)
    }

    /// Makes a server for one connection and starts it on `transport`.
    ///
    /// - Parameter bidirectional: whether the transport carries server-to-client requests.
    /// - Parameter declaration: where the client's `initialize` is recorded; a transport that
    ///   answers `initialize` itself (``ConnectionAnswers``) shares it.
    public func start(
        on transport: any Transport, bidirectional: Bool, logger: Logger, declaration: ClientDeclaration = .init()
    ) async throws -> Server {
        let server = Server(
            name: name, version: version, title: title, instructions: instructions, capabilities: Self.capabilities)
        let connection = ClientConnection(server: server, logger: logger, declaration: declaration)
        let descriptors = descriptors
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: descriptors) }
        await server.withMethodHandler(CallTool.self) { [self] params in
            try await callTool(named: params.name, arguments: params.arguments)
        }
        await configure?(server, connection)
        if bidirectional, let onInitialized {
            await server.onNotification(InitializedNotification.self) { _ in
                // Handlers run on the server's receive loop; a request to the client from
                // here would wait for a reply that loop cannot read, so it runs apart.
                Task { await onInitialized(connection) }
            }
        }
        try await server.start(transport: transport) { _, capabilities in
            declaration.capabilities = capabilities
        }
        return server
    }

    /// What every Setlist server offers: tools, a fixed list of them.
    static let capabilities = Server.Capabilities(tools: .init(listChanged: false))
}

/// The client at the other end of one connection, as a service's hooks see it.
public final class ClientConnection: Sendable {
    public let server: Server
    public let logger: Logger
    let declaration: ClientDeclaration

    init(server: Server, logger: Logger, declaration: ClientDeclaration) {
        self.server = server
        self.logger = logger
        self.declaration = declaration
    }

    /// What the client declared in `initialize`; `nil` before that.
    public var capabilities: Client.Capabilities? { declaration.capabilities }
}

/// What a client declared in `initialize`, kept for the connection's life.
public final class ClientDeclaration: Sendable {
    private let stored = Mutex<Client.Capabilities?>(nil)

    public init() {}

    /// `nil` until the client has sent `initialize`.
    public internal(set) var capabilities: Client.Capabilities? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }

    /// Records the capabilities of a first `initialize`; false when one came before.
    func recordFirst(_ capabilities: Client.Capabilities) -> Bool {
        stored.withLock { stored in
            guard stored == nil else { return false }
            stored = capabilities
            return true
        }
    }
}

/// The version of Setlist, reported by `setlist --version` and in each server's `serverInfo`.
public enum SetlistVersion {
    public static let current = "0.1.0"
}
