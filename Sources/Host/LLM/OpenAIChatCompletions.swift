import AsyncHTTPClient
import Foundation
import MCP
import ServerKit

/// The OpenAI-compatible Chat Completions API, which OpenAI, Ollama, LM Studio and vLLM
/// all serve: `tool_calls` out, `tool` messages back, answers streamed as
/// Server-Sent Events of deltas.
public struct OpenAIChatCompletions: LanguageModel {
    public let model: String
    let endpoint: ModelEndpoint
    let streams: Bool

    public static let defaultModel = "gpt-4.1-mini"
    public static let defaultBaseURL = URL(string: "https://api.openai.com/v1")!
    static let keyVariable = "OPENAI_API_KEY"

    /// - Parameters:
    ///   - key: sent as a bearer token; local servers (Ollama, LM Studio) need none.
    ///   - baseURL: where the API is, with its version (`http://localhost:11434/v1`);
    ///     `/chat/completions` is added to it.
    public init(
        model: String = defaultModel, key: String?, baseURL: URL = defaultBaseURL, streams: Bool = true,
        timeout: Duration = .seconds(300), http: HTTPClient? = nil
    ) {
        self.model = model
        self.streams = streams
        endpoint = ModelEndpoint(
            provider: baseURL == Self.defaultBaseURL ? "OpenAI" : "the OpenAI-compatible server",
            url: baseURL.appendingPathComponent("chat/completions"),
            headers: key.map { [("Authorization", "Bearer \($0)")] } ?? [], keyVariable: Self.keyVariable, model: model, http: http ?? .host,
            timeout: timeout)
    }

    public func respond(to request: ModelRequest, onText: @escaping @Sendable (String) -> Void) async throws -> ModelTurn {
        try await endpoint.turn(
            Self.body(request, model: model), streams: streams, reader: OpenAIStream(), whole: Self.turn(from:provider:), onText: onText)
    }

    // MARK: - Wire shapes

    /// The request body, without `stream`.
    static func body(_ request: ModelRequest, model: String) -> [String: Value] {
        var messages: [Value] = request.system.isEmpty ? [] : [["role": "system", "content": .string(request.system)]]
        for message in request.messages {
            switch message {
            case .user(let text):
                messages.append(["role": "user", "content": .string(text)])
            case .assistant(let turn):
                var object: [String: Value] = ["role": "assistant", "content": turn.text.isEmpty ? .null : .string(turn.text)]
                if !turn.toolCalls.isEmpty {
                    object["tool_calls"] = .array(
                        turn.toolCalls.map { call in
                            [
                                "id": .string(call.id), "type": "function",
                                "function": [
                                    "name": .string(call.name),
                                    "arguments": .string(String(decoding: JSONWriter.data(.object(call.arguments)), as: UTF8.self)),
                                ],
                            ]
                        })
                }
                messages.append(.object(object))
            case .toolResults(let results):
                for result in results {
                    // The shape has no error flag: the text says it.
                    let text = result.isError ? "Error: \(result.text)" : result.text
                    messages.append(["role": "tool", "tool_call_id": .string(result.callID), "content": .string(text)])
                }
            }
        }
        var body: [String: Value] = ["model": .string(model), "messages": .array(messages)]
        if !request.tools.isEmpty {
            body["tools"] = .array(
                request.tools.map { tool in
                    [
                        "type": "function",
                        "function": ["name": .string(tool.name), "description": .string(tool.description), "parameters": tool.inputSchema],
                    ]
                })
        }
        return body
    }

    /// The turn a whole (not streamed) answer holds.
    static func turn(from answer: Value, provider: String) throws -> ModelTurn {
        guard case .array(let choices)? = answer.objectValue?["choices"], case .object(let choice)? = choices.first,
            case .object(let message)? = choice["message"]
        else { throw ModelError.malformed(provider: provider, reason: "the answer has no choices") }
        var calls: [ModelToolCall] = []
        if case .array(let toolCalls)? = message["tool_calls"] {
            for case .object(let call) in toolCalls {
                let function = call["function"]?.objectValue ?? [:]
                calls.append(
                    ModelToolCall.parsing(
                        id: call["id"]?.stringValue ?? "call_\(calls.count)", name: function["name"]?.stringValue ?? "",
                        json: function["arguments"]?.stringValue ?? ""))
            }
        }
        let reason = stopReason(choice["finish_reason"]?.stringValue, hasCalls: !calls.isEmpty)
        return ModelTurn(text: message["content"]?.stringValue ?? "", toolCalls: calls, stopReason: reason)
    }

    static func stopReason(_ text: String?, hasCalls: Bool) -> StopReason {
        if hasCalls { return .toolUse }
        switch text {
        case "stop"?: return .finished
        case "tool_calls"?, "function_call"?: return .toolUse
        case "length"?: return .maxTokens
        default: return .other
        }
    }
}
