/// Why a model could not answer, said so that the user knows what to do.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// No key in the environment for a provider that needs one.
    case missingKey(provider: String, variable: String)
    case unauthorized(provider: String, variable: String)
    case rateLimited(provider: String, retryAfter: Int?)
    case overloaded(provider: String)
    /// The model does not take tools (many small local models).
    case toolsUnsupported(model: String)
    case unknownModel(model: String, message: String)
    case refused(provider: String, status: Int, message: String)
    case unreachable(provider: String, url: String, reason: String)
    case malformed(provider: String, reason: String)

    public var description: String {
        switch self {
        case .missingKey(let provider, let variable):
            "No API key for \(provider): set \(variable) in the environment (or use --base-url for a local server such as Ollama)."
        case .unauthorized(let provider, let variable):
            "\(provider) refused the API key (401): check \(variable)."
        case .rateLimited(let provider, let retryAfter):
            "\(provider) is rate limiting this key (429): try again"
                + (retryAfter.map { " in \($0) s" } ?? " in a minute") + ", or use a smaller model."
        case .overloaded(let provider):
            "\(provider) is overloaded right now: try again in a minute."
        case .toolsUnsupported(let model):
            "The model \(model) does not support tools: choose one that does with --model (for Ollama, e.g. llama3.1 or qwen2.5)."
        case .unknownModel(let model, let message):
            "The model \(model) is not available: \(message). Choose another with --model."
        case .refused(let provider, let status, let message):
            "\(provider) refused the request (\(status)): \(message)"
        case .unreachable(let provider, let url, let reason):
            "Cannot reach \(provider) at \(url): \(reason). Check --base-url and that the server runs."
        case .malformed(let provider, let reason):
            "\(provider) sent an answer Setlist cannot read: \(reason)."
        }
    }
}
