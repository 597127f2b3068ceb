import Foundation
import Logging
import MCP

/// Everything one MCP server offers, independent of how it is reached.
///
/// The same service answers over stdio and over HTTP: ``MessageRouter`` reads each
/// message, and the service says what the server is and what its tools do.
public struct MCPService: Sendable {
    public var name: String
    public var title: String?
    public var version: String
    public var instructions: String?
    public var tools: [AnyTool]
    public var prompts: [PromptDefinition]
    public var resources: ResourceProvider?
    /// Runs when the client has sent `notifications/initialized`, on connections that
    /// can carry requests from server to client (stdio and stateful HTTP).
    public var onInitialized: (@Sendable (ClientConnection) async -> Void)?
    /// Runs when the client says its roots changed (`notifications/roots/list_changed`).
    public var onRootsChanged: (@Sendable (ClientConnection) async -> Void)?

    private let toolsByName: [String: AnyTool]
    /// `tools/list`'s result, encoded once.
    let toolsListJSON: Data
    /// `prompts/list`'s result, encoded once.
    let promptsListJSON: Data
    /// What modern results carry besides their own members.
    let modernResults: ModernResults
    /// `server/discover`'s result, and the modern era's lists, encoded once.
    let discoverJSON: Data
    let modernToolsListJSON: Data
    let modernPromptsListJSON: Data

    public init(
        name: String,
        title: String? = nil,
        version: String = SetlistVersion.current,
        instructions: String? = nil,
        tools: [AnyTool],
        prompts: [PromptDefinition] = [],
        resources: ResourceProvider? = nil,
        onInitialized: (@Sendable (ClientConnection) async -> Void)? = nil,
        onRootsChanged: (@Sendable (ClientConnection) async -> Void)? = nil
    ) {
        self.name = name
        self.title = title
        self.version = version
        self.instructions = instructions
        self.tools = tools
        self.prompts = prompts
        self.resources = resources
        self.onInitialized = onInitialized
        self.onRootsChanged = onRootsChanged
        self.toolsByName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.toolsListJSON = Self.encoder.encodeOrEmpty(ListTools.Result(tools: tools.map(\.descriptor)))
        self.promptsListJSON = Self.encoder.encodeOrEmpty(ListPrompts.Result(prompts: prompts.map(\.prompt)))
        let results = ModernResults(serverInfo: Self.value(Server.Info(name: name, version: version, title: title)))
        self.modernResults = results
        self.modernToolsListJSON = results.stamped(json: toolsListJSON, method: ListTools.name)
        self.modernPromptsListJSON = results.stamped(json: promptsListJSON, method: ListPrompts.name)
        var discover: [String: Value] = [
            "supportedVersions": .array(([ModernRevision.version] + ModernRevision.handshakeVersions.sorted(by: >)).map(Value.string)),
            "capabilities": Self.value(Self.capabilities(prompts: prompts, resources: resources)),
        ]
        if let instructions { discover["instructions"] = .string(instructions) }
        self.discoverJSON = JSONWriter.data(results.stamped(.object(discover), method: ModernRevision.discover))
    }

    /// The prompt named `name`, compared as bytes.
    func prompt(named name: String) -> PromptDefinition? {
        prompts.first { $0.name.hasSameBytes(as: name) }
    }

    /// The tool named `name`, compared as bytes.
    func tool(named name: String) -> AnyTool? {
        guard let tool = toolsByName[name], tool.name.hasSameBytes(as: name) else { return nil }
        return tool
    }

    func unknownTool(_ name: String) -> JSONRPCError {
        .invalidParams("Unknown tool: \(name.clipped(to: 100)). Available tools: \(tools.map(\.name).joined(separator: ", ")).")
    }

    /// Calls a tool by name, as `tools/call` does.
    ///
    /// - Throws: ``JSONRPCError`` (invalid params) for a tool the service does not have.
    public func callTool(named name: String, arguments: [String: Value]?) async throws(JSONRPCError) -> CallTool.Result {
        guard let tool = tool(named: name) else { throw unknownTool(name) }
        return await tool.call(arguments: arguments)
    }

    // MARK: - initialize

    /// What the server offers: tools, and prompts and resources when it has them; no
    /// list changes while it runs.
    var capabilities: Server.Capabilities {
        Self.capabilities(prompts: prompts, resources: resources)
    }

    private static func capabilities(prompts: [PromptDefinition], resources: ResourceProvider?) -> Server.Capabilities {
        Server.Capabilities(
            prompts: prompts.isEmpty ? nil : .init(listChanged: false),
            resources: resources == nil ? nil : .init(subscribe: false, listChanged: false),
            tools: .init(listChanged: false))
    }

    /// The answer to `initialize`: the client's protocol version when supported (else
    /// the latest), the service's capabilities, name and instructions.
    func initializeAnswer(id: RequestID, params: [String: Value], in session: ServerSession) -> Data {
        let parameters: Initialize.Parameters
        do {
            parameters = try ValueDecoder().decode(Initialize.Parameters.self, from: .object(params))
        } catch {
            return OutgoingMessage.error(
                id: id,
                .invalidParams(
                    "initialize: params must hold an InitializeRequest's protocolVersion (a string), "
                        + "capabilities and clientInfo (objects); \(error)"))
        }
        let protocolVersion =
            Version.supported.contains(parameters.protocolVersion) ? parameters.protocolVersion : Version.latest
        guard session.recordInitialize(capabilities: parameters.capabilities, protocolVersion: protocolVersion) else {
            return OutgoingMessage.error(id: id, .invalidRequest("this session is already initialized"))
        }
        let result = Initialize.Result(
            protocolVersion: protocolVersion, capabilities: capabilities,
            serverInfo: Server.Info(name: name, version: version, title: title),
            instructions: instructions)
        return OutgoingMessage.result(id: id, json: Self.encoder.encodeOrEmpty(result))
    }

    /// Encodes a result of the protocol's own types.
    static func encoded(_ value: some Encodable) -> Data {
        encoder.encodeOrEmpty(value)
    }

    /// A value of the protocol's own types as JSON.
    private static func value(_ value: some Encodable) -> Value {
        (try? JSONParser.parse(encoded(value))) ?? .object([:])
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension JSONEncoder {
    /// The encoded value; the protocol's own result types always encode.
    fileprivate func encodeOrEmpty(_ value: some Encodable) -> Data {
        (try? encode(value)) ?? Data("{}".utf8)
    }
}

/// The version of Setlist, reported by `setlist --version` and in each server's `serverInfo`.
public enum SetlistVersion {
    public static let current = "0.1.0"
}
