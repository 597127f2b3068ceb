import MCP

extension CallTool.Result {
    /// The result as JSON: text blocks written directly, anything else through its
    /// `Encodable` form.
    func jsonValue() throws -> Value {
        var members: [String: Value] = [:]
        members["content"] = .array(
            try content.map { block in
                if case .text(let text, nil, nil) = block { return ["type": "text", "text": .string(text)] }
                return try ValueEncoder().encode(block)
            })
        if let structuredContent { members["structuredContent"] = structuredContent }
        if let isError { members["isError"] = .bool(isError) }
        if let _meta { members["_meta"] = try ValueEncoder().encode(_meta) }
        return .object(members)
    }
}
