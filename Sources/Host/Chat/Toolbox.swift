import MCP

/// Every connected server's tools under the names the model knows them by, with their
/// adapted schemas, plus `execute_plan`; and the way back from a model's name to the
/// server and tool it stands for.
public struct Toolbox: Sendable {
    struct Entry: Sendable {
        /// The name the model knows it by.
        let modelName: String
        let server: String
        let tool: Tool
        /// Why a call needs the user's approval; `nil` when it may just run.
        let approvalReason: String?
    }

    let connections: [String: any MCPConnection]
    private var names = ToolNames()
    /// Each tool by the name the model knows it by.
    private var entries: [String: Entry] = [:]
    /// What the model is offered, in a stable order.
    private(set) var modelTools: [ModelTool] = []
    /// Servers whose tools could not be listed, one line each.
    public private(set) var problems: [String] = []

    /// Lists every server's tools, side by side.
    /// - Parameter allowedTools: per server, the tools its configuration lets run without asking.
    public static func gather(_ connections: [any MCPConnection], allowedTools: [String: Set<String>] = [:]) async -> Toolbox {
        let listed = await connections.concurrentMap { connection in
            do { return Result<[Tool], any Error>.success(try await connection.listTools()) } catch { return .failure(error) }
        }
        var toolbox = Toolbox(connections: Dictionary(connections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        let policy = ApprovalPolicy(allowedTools: allowedTools)
        for (connection, result) in zip(connections, listed) {
            switch result {
            case .success(let tools):
                for tool in tools { toolbox.add(tool, of: connection.name, policy: policy) }
            case .failure(let error):
                toolbox.problems.append("\(connection.name): its tools could not be listed: \(error)")
            }
        }
        if !toolbox.entries.isEmpty { toolbox.modelTools.append(PlanTool.definition(servers: toolbox.connections.keys.sorted())) }
        return toolbox
    }

    private mutating func add(_ tool: Tool, of server: String, policy: ApprovalPolicy) {
        let name = names.name(server: server, tool: tool.name)
        entries[name] = Entry(modelName: name, server: server, tool: tool, approvalReason: policy.reason(server: server, tool: tool))
        let description = [tool.description, "(Tool \(tool.name) of the MCP server \(server).)"].compactMap { $0 }.joined(separator: " ")
        modelTools.append(ModelTool(name: name, description: description, inputSchema: SchemaAdaptation.adapt(tool.inputSchema)))
    }

    /// The server tool a model's name stands for.
    func entry(_ modelName: String) -> Entry? { entries[modelName] }
}
