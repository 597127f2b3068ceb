import MCP
import Testing

@testable import Host

/// The stream readers on events as the providers send them, including the awkward
/// cases: tool input split mid-token, several calls, a stream cut short.
@Suite struct ModelStreamTests {
    @Test func anthropicTextAndToolInputArriveInPieces() throws {
        var stream = AnthropicStream()
        let events: [Value] = [
            ["type": "message_start", "message": [:]],
            ["type": "content_block_start", "index": 0, "content_block": ["type": "text", "text": ""]],
            ["type": "content_block_delta", "index": 0, "delta": ["type": "text_delta", "text": "Let me "]],
            ["type": "content_block_delta", "index": 0, "delta": ["type": "text_delta", "text": "check."]],
            ["type": "content_block_stop", "index": 0],
            ["type": "content_block_start", "index": 1, "content_block": ["type": "tool_use", "id": "toolu_1", "name": "clock__now", "input": [:]]],
            ["type": "content_block_delta", "index": 1, "delta": ["type": "input_json_delta", "partial_json": "{\"time"]],
            ["type": "content_block_delta", "index": 1, "delta": ["type": "input_json_delta", "partial_json": "zone\": \"Europe/Madrid\"}"]],
            ["type": "content_block_stop", "index": 1],
            ["type": "content_block_start", "index": 2, "content_block": ["type": "tool_use", "id": "toolu_2", "name": "clock__list", "input": [:]]],
            ["type": "content_block_stop", "index": 2],
            ["type": "message_delta", "delta": ["stop_reason": "tool_use"]],
            ["type": "message_stop"],
        ]
        var text = ""
        for event in events { text += try stream.read(event) ?? "" }
        let turn = try stream.turn(provider: "Anthropic")
        #expect(text == "Let me check.")
        #expect(turn.text == "Let me check.")
        #expect(turn.stopReason == .toolUse)
        #expect(turn.toolCalls == [
            ModelToolCall(id: "toolu_1", name: "clock__now", arguments: ["timezone": "Europe/Madrid"]),
            ModelToolCall(id: "toolu_2", name: "clock__list", arguments: [:]),
        ])
    }

    @Test func thinkingBlocksAreNotPartOfTheAnswer() throws {
        var stream = AnthropicStream()
        let events: [Value] = [
            ["type": "content_block_start", "index": 0, "content_block": ["type": "thinking", "thinking": ""]],
            ["type": "content_block_delta", "index": 0, "delta": ["type": "thinking_delta", "thinking": "Hmm."]],
            ["type": "content_block_stop", "index": 0],
            ["type": "content_block_start", "index": 1, "content_block": ["type": "text", "text": ""]],
            ["type": "content_block_delta", "index": 1, "delta": ["type": "text_delta", "text": "Jazz."]],
            ["type": "message_delta", "delta": ["stop_reason": "max_tokens"]],
        ]
        for event in events { _ = try stream.read(event) }
        #expect(try stream.turn(provider: "Anthropic") == ModelTurn(text: "Jazz.", stopReason: .maxTokens))
    }

    @Test func anAnthropicStreamCutShortIsAnError() throws {
        var stream = AnthropicStream()
        _ = try stream.read(["type": "content_block_start", "index": 0, "content_block": ["type": "text", "text": "Hi"]])
        #expect(throws: ModelError.self) { try stream.turn(provider: "Anthropic") }
    }

    @Test func openAIToolCallsAreGatheredByIndex() throws {
        var stream = OpenAIStream()
        let chunks: [Value] = [
            ["choices": [["index": 0, "delta": ["role": "assistant", "content": ""]]]],
            ["choices": [["index": 0, "delta": ["tool_calls": [["index": 0, "id": "call_a", "type": "function", "function": ["name": "files__read", "arguments": ""]]]]]]],
            ["choices": [["index": 0, "delta": ["tool_calls": [["index": 1, "id": "call_b", "type": "function", "function": ["name": "clock__now", "arguments": "{}"]]]]]]],
            ["choices": [["index": 0, "delta": ["tool_calls": [["index": 0, "function": ["name": "files__read", "arguments": "{\"pa"]]]]]]],
            ["choices": [["index": 0, "delta": ["tool_calls": [["index": 0, "function": ["arguments": "th\":\"a.txt\"}"]]]]]]],
            ["choices": [["index": 0, "delta": [:], "finish_reason": "tool_calls"]]],
        ]
        for chunk in chunks { _ = stream.read(chunk) }
        let turn = try stream.turn(provider: "test")
        #expect(turn.stopReason == .toolUse)
        #expect(turn.toolCalls == [
            ModelToolCall(id: "call_a", name: "files__read", arguments: ["path": "a.txt"]),
            ModelToolCall(id: "call_b", name: "clock__now", arguments: [:]),
        ])
    }

    @Test func argumentsThatAreNotJSONAreKeptAsAProblemForTheModel() {
        let call = ModelToolCall.parsing(id: "1", name: "files__read", json: "{\"path\": ")
        #expect(call.malformedArguments != nil)
        #expect(call.arguments.isEmpty)
    }
}
