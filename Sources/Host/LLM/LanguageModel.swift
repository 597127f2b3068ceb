import MCP

/// A language model that can call tools: Anthropic's Messages API, or any server of the
/// OpenAI-compatible Chat Completions API (OpenAI, Ollama, LM Studio, vLLM).
public protocol LanguageModel: Sendable {
    /// The model's name, for messages.
    var model: String { get }
    /// Asks for the next turn; text is passed to `onText` as it streams in.
    func respond(to request: ModelRequest, onText: @escaping @Sendable (String) -> Void) async throws -> ModelTurn
}

/// A streamed answer put together event by event, in one provider's shape.
protocol ModelStreamReader: Sendable {
    /// Reads one event; returns the text it adds, if any.
    mutating func read(_ event: Value) throws -> String?
    /// The turn, once the stream has ended.
    func turn(provider: String) throws -> ModelTurn
}
