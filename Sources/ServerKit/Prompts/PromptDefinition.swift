import MCP

/// A prompt a server offers (MCP `prompts/get`): a message template a client shows its
/// user, filled in from the user's arguments.
public struct PromptDefinition: Sendable {
    public var prompt: Prompt
    public var render: @Sendable ([String: String]) async throws -> GetPrompt.Result

    public init(
        name: String, title: String, description: String, arguments: [Prompt.Argument],
        render: @escaping @Sendable ([String: String]) async throws -> GetPrompt.Result
    ) {
        prompt = Prompt(name: name, title: title, description: description, arguments: arguments)
        self.render = render
    }

    public var name: String { prompt.name }

    /// The required arguments `arguments` lacks.
    func missingArguments(in arguments: [String: String]) -> [String] {
        (prompt.arguments ?? []).filter { $0.required == true && (arguments[$0.name] ?? "").isEmpty }.map(\.name)
    }
}
