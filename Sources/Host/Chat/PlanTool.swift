import MCP

/// `execute_plan` as the model sees it: several tool calls in one, where a later step
/// takes an earlier one's output, independent steps run side by side, and the first
/// failure stops the rest.
enum PlanTool {
    static let name = "execute_plan"

    static func definition(servers: [String]) -> ModelTool {
        ModelTool(
            name: name,
            description: """
                Runs several tool calls as one plan. Each step names a tool as you know it (server__tool) and its arguments; \
                a string "{{step_id.path}}" in the arguments is replaced by an earlier step's output (for example \
                "{{recs.tracks[*].id}}"). Steps that do not depend on each other run at the same time; a directory is \
                created before files are written under it; the first failure stops the plan, and the report says what ran, \
                what failed and what did not run. Servers: \(servers.joined(separator: ", ")).
                """,
            inputSchema: [
                "type": "object",
                "properties": [
                    "steps": [
                        "type": "array", "minItems": 1,
                        "items": [
                            "type": "object",
                            "properties": [
                                "id": ["type": "string", "description": "The name later steps use to refer to this one."],
                                "tool": ["type": "string", "description": "The tool, as server__tool."],
                                "arguments": ["type": "object", "properties": [:], "description": "The tool's arguments."],
                                "after": [
                                    "type": "array", "items": ["type": "string"],
                                    "description": "Steps that must finish first, besides those referred to in arguments.",
                                ],
                            ],
                            "required": ["id", "tool"],
                        ],
                    ]
                ],
                "required": ["steps"],
            ])
    }

    /// The plan the model's arguments describe, its steps mapped to servers' tools, and
    /// each step's tool as the toolbox knows it.
    static func plan(from arguments: [String: Value], toolbox: Toolbox) throws -> (plan: Plan, entries: [Toolbox.Entry]) {
        guard case .array(let steps)? = arguments["steps"], !steps.isEmpty else {
            throw PlanInputError("execute_plan needs \"steps\": a list of {id, tool, arguments}")
        }
        let mapped = try steps.enumerated().map { index, value in
            guard case .object(let step) = value, let id = step["id"]?.stringValue, let tool = step["tool"]?.stringValue else {
                throw PlanInputError("step \(index + 1) needs an \"id\" and a \"tool\"")
            }
            guard let entry = toolbox.entry(tool) else {
                throw PlanInputError("step \(id) names the tool \(tool), which is not one of the tools offered")
            }
            guard step["arguments"] == nil || step["arguments"]?.objectValue != nil else {
                throw PlanInputError("step \(id): \"arguments\" must be an object")
            }
            let planned = Plan.Step(
                id: id, server: entry.server, tool: entry.tool.name, arguments: step["arguments"]?.objectValue ?? [:],
                after: step["after"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            return (planned, entry)
        }
        return (Plan(mapped.map(\.0)), mapped.map(\.1))
    }
}

/// Plan arguments the model got wrong; told back to it as the tool's error.
struct PlanInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
