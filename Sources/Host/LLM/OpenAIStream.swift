import MCP

/// A streamed Chat Completions answer put together chunk by chunk: content deltas, and
/// tool calls whose id, name and arguments arrive in pieces under an index.
struct OpenAIStream: ModelStreamReader {
    private struct PartialCall {
        var id = ""
        var name = ""
        var arguments = ""
    }

    private var text = ""
    private var calls: [Int: PartialCall] = [:]
    private var finishReason: String?

    /// Reads one chunk; returns the text it adds, if any.
    mutating func read(_ chunk: Value) -> String? {
        guard case .array(let choices)? = chunk.objectValue?["choices"], case .object(let choice)? = choices.first else { return nil }
        if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
        guard case .object(let delta)? = choice["delta"] else { return nil }
        if case .array(let pieces)? = delta["tool_calls"] {
            for case .object(let piece) in pieces {
                let index = piece["index"]?.intValue ?? calls.count
                var call = calls[index] ?? PartialCall()
                if let id = piece["id"]?.stringValue, !id.isEmpty { call.id = id }
                if case .object(let function)? = piece["function"] {
                    // The name comes whole (some servers repeat it in every piece); arguments come in pieces.
                    if call.name.isEmpty, let name = function["name"]?.stringValue { call.name = name }
                    call.arguments += function["arguments"]?.stringValue ?? ""
                }
                calls[index] = call
            }
        }
        guard let piece = delta["content"]?.stringValue, !piece.isEmpty else { return nil }
        text += piece
        return piece
    }

    /// The turn, once the stream has ended.
    func turn(provider: String) throws -> ModelTurn {
        guard finishReason != nil || !text.isEmpty || !calls.isEmpty else {
            throw ModelError.malformed(provider: provider, reason: "the stream ended before the answer did")
        }
        let toolCalls = calls.keys.sorted().map { index in
            let call = calls[index]!
            return ModelToolCall.parsing(id: call.id.isEmpty ? "call_\(index)" : call.id, name: call.name, json: call.arguments)
        }
        return ModelTurn(text: text, toolCalls: toolCalls, stopReason: OpenAIChatCompletions.stopReason(finishReason, hasCalls: !toolCalls.isEmpty))
    }
}
