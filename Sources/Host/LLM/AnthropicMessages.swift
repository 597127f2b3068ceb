import AsyncHTTPClient
import Foundation
import MCP

/// Anthropic's Messages API: `tool_use` blocks out, `tool_result` blocks back, answers
/// streamed as Server-Sent Events.
public struct AnthropicMessages: LanguageModel {
    public let model: String
    let endpoint: ModelEndpoint
    let streams: Bool

    public static let defaultModel = "claude-sonnet-4-5"
    public static let defaultBaseURL = URL(string: "https://api.anthropic.com")!
    static let keyVariable = "ANTHROPIC_API_KEY"

    /// - Parameter baseURL: where the API is; `/v1/messages` is added to it.
    public init(
        model: String = defaultModel, key: String, baseURL: URL = defaultBaseURL, streams: Bool = true,
        timeout: Duration = .seconds(300), http: HTTPClient? = nil
    ) {
        self.model = model
        self.streams = streams
        endpoint = ModelEndpoint(
            provider: "Anthropic", url: baseURL.appendingPathComponent("v1/messages"),
            headers: [("x-api-key", key), ("anthropic-version", "2023-06-01")], keyVariable: Self.keyVariable, model: model,
            http: http ?? .host, timeout: timeout)
    }

    public func respond(to request: ModelRequest, onText: @escaping @Sendable (String) -> Void) async throws -> ModelTurn {
        try await endpoint.turn(
            Self.body(request, model: model), streams: streams, reader: AnthropicStream(), whole: Self.turn(from:provider:), onText: onText)
    }

    // MARK: - Wire shapes

    /// The request body, without `stream`.
    static func body(_ request: ModelRequest, model: String) -> [String: Value] {
        var body: [String: Value] = [
            "model": .string(model), "max_tokens": .int(request.maxTokens),
            "messages": .array(request.messages.map(message)),
        ]
        if !request.system.isEmpty { body["system"] = .string(request.system) }
        if !request.tools.isEmpty {
            body["tools"] = .array(
                request.tools.map { tool in
                    ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.inputSchema]
                })
        }
        return body
    }

    static func message(_ message: ChatMessage) -> Value {
        switch message {
        case .user(let text):
            return ["role": "user", "content": .string(text)]
        case .assistant(let turn):
            // A text block of whitespace alone is refused when sent back.
            var blocks: [Value] = turn.text.allSatisfy(\.isWhitespace) ? [] : [["type": "text", "text": .string(turn.text)]]
            for call in turn.toolCalls {
                blocks.append(["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": .object(call.arguments)])
            }
            return ["role": "assistant", "content": .array(blocks)]
        case .toolResults(let results):
            return [
                "role": "user",
                "content": .array(
                    results.map { result in
                        [
                            "type": "tool_result", "tool_use_id": .string(result.callID), "content": .string(result.text),
                            "is_error": .bool(result.isError),
                        ]
                    }),
            ]
        }
    }

    /// The turn a whole (not streamed) answer holds.
    static func turn(from answer: Value, provider: String) throws -> ModelTurn {
        guard case .array(let blocks)? = answer.objectValue?["content"] else {
            throw ModelError.malformed(provider: provider, reason: "the answer has no content")
        }
        var turn = ModelTurn(text: "", stopReason: stopReason(answer.objectValue?["stop_reason"]?.stringValue))
        for case .object(let block) in blocks {
            switch block["type"]?.stringValue {
            case "text": turn.text += block["text"]?.stringValue ?? ""
            case "tool_use":
                turn.toolCalls.append(
                    ModelToolCall(
                        id: block["id"]?.stringValue ?? "", name: block["name"]?.stringValue ?? "",
                        arguments: block["input"]?.objectValue ?? [:]))
            default: continue
            }
        }
        return turn
    }

    static func stopReason(_ text: String?) -> StopReason {
        switch text {
        case "end_turn"?, "stop_sequence"?: .finished
        case "tool_use"?: .toolUse
        case "max_tokens"?: .maxTokens
        default: .other
        }
    }
}
