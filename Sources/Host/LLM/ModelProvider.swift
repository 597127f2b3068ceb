import Foundation

/// The two API shapes Setlist speaks, and how a model of each is set up from the
/// command line and the environment.
public enum ModelProvider: String, CaseIterable, Sendable {
    /// Anthropic's Messages API.
    case anthropic
    /// The OpenAI-compatible Chat Completions API: OpenAI, Ollama, LM Studio, vLLM.
    case openai

    /// The provider to use when none is named: the OpenAI-compatible API for a base URL
    /// (Ollama, LM Studio: no other key goes there), else Anthropic when its key is set,
    /// else OpenAI when its key is.
    public static func choose(baseURL: URL?, environment: [String: String]) throws -> ModelProvider {
        if baseURL != nil { return .openai }
        if environment[AnthropicMessages.keyVariable]?.isEmpty == false { return .anthropic }
        if environment[OpenAIChatCompletions.keyVariable]?.isEmpty == false { return .openai }
        throw ModelError.missingKey(
            provider: "a language model", variable: "\(AnthropicMessages.keyVariable) or \(OpenAIChatCompletions.keyVariable)")
    }

    /// A model of this provider.
    /// - Throws: `ModelError.missingKey` when the provider needs a key and none is set;
    ///   an OpenAI-compatible server at another address (Ollama, LM Studio) needs none.
    public func model(named name: String?, baseURL: URL?, streams: Bool, environment: [String: String]) throws -> any LanguageModel {
        switch self {
        case .anthropic:
            guard let key = environment[AnthropicMessages.keyVariable], !key.isEmpty else {
                throw ModelError.missingKey(provider: "Anthropic", variable: AnthropicMessages.keyVariable)
            }
            return AnthropicMessages(
                model: name ?? AnthropicMessages.defaultModel, key: key, baseURL: baseURL ?? AnthropicMessages.defaultBaseURL, streams: streams)
        case .openai:
            let key = environment[OpenAIChatCompletions.keyVariable].flatMap { $0.isEmpty ? nil : $0 }
            if key == nil && baseURL == nil {
                throw ModelError.missingKey(provider: "OpenAI", variable: OpenAIChatCompletions.keyVariable)
            }
            return OpenAIChatCompletions(
                model: name ?? OpenAIChatCompletions.defaultModel, key: key, baseURL: baseURL ?? OpenAIChatCompletions.defaultBaseURL,
                streams: streams)
        }
    }
}
