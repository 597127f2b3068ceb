import MCP

/// One tool, declared once: what clients are told about it and what it does.
public struct ToolDefinition<Input: ToolInput, Output: ToolOutput>: Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var annotations: Tool.Annotations
    /// The schema arguments are published with and checked against; `Input.schema`
    /// unless a definition words it differently (say, with a description known only at run time).
    public var inputSchema: JSONSchema
    public var perform: @Sendable (Input) async throws -> Output

    public init(
        name: String,
        title: String,
        description: String,
        annotations: Tool.Annotations,
        perform: @escaping @Sendable (Input) async throws -> Output
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.annotations = annotations
        self.inputSchema = Input.schema
        self.perform = perform
    }

    /// The tool as MCP's `tools/list` describes it.
    public var descriptor: Tool {
        var annotations = annotations
        annotations.title = annotations.title ?? title
        return Tool(
            name: name,
            title: title,
            description: description,
            inputSchema: inputSchema.value,
            annotations: annotations,
            outputSchema: Output.outputSchema.value
        )
    }
}

extension Tool.Annotations {
    /// Reads and changes nothing outside the call.
    public static let readOnly = Tool.Annotations(readOnlyHint: true, openWorldHint: false)
}
