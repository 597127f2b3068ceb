import MCP

/// One tool, declared once: what clients are told about it and what it does.
public struct ToolDefinition<Input: ToolInput, Output: ToolOutput>: Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var annotations: Tool.Annotations
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
            inputSchema: Input.schema.value,
            annotations: annotations,
            outputSchema: Output.outputSchema.value
        )
    }
}

extension Tool.Annotations {
    /// Reads and changes nothing outside the call.
    public static let readOnly = Tool.Annotations(readOnlyHint: true, openWorldHint: false)
}
