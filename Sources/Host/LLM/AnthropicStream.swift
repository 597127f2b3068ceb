import Foundation
import MCP
import ServerKit

/// A streamed Messages answer put together event by event: text blocks as they grow,
/// tool calls whose input arrives as pieces of JSON text, the stop reason at the end.
struct AnthropicStream: ModelStreamReader {
    private enum Block {
        case text
        case toolUse(id: String, name: String, json: String)
    }

    private var blocks: [Int: Block] = [:]
    private var order: [Int] = []
    private var text = ""
    private var stopReason: StopReason?

    /// Reads one event; returns the text it adds, if any.
    mutating func read(_ event: Value) throws -> String? {
        guard case .object(let event) = event else { return nil }
        switch event["type"]?.stringValue {
        case "content_block_start":
            guard let index = event["index"]?.intValue, case .object(let block)? = event["content_block"] else { return nil }
            order.append(index)
            switch block["type"]?.stringValue {
            case "tool_use":
                blocks[index] = .toolUse(id: block["id"]?.stringValue ?? "", name: block["name"]?.stringValue ?? "", json: "")
            case "text":
                blocks[index] = .text
                if let start = block["text"]?.stringValue, !start.isEmpty {
                    text += start
                    return start
                }
            default:
                // Thinking and the provider's own tools are not part of the answer.
                break
            }
        case "content_block_delta":
            guard let index = event["index"]?.intValue, case .object(let delta)? = event["delta"] else { return nil }
            switch (delta["type"]?.stringValue, blocks[index]) {
            case ("text_delta"?, .text?):
                let piece = delta["text"]?.stringValue ?? ""
                text += piece
                return piece.isEmpty ? nil : piece
            case ("input_json_delta"?, .toolUse(let id, let name, let json)?):
                blocks[index] = .toolUse(id: id, name: name, json: json + (delta["partial_json"]?.stringValue ?? ""))
            default:
                break
            }
        case "message_delta":
            if let reason = event["delta"]?.objectValue?["stop_reason"]?.stringValue {
                stopReason = AnthropicMessages.stopReason(reason)
            }
        default:
            break
        }
        return nil
    }

    /// The turn, once the stream has ended.
    func turn(provider: String) throws -> ModelTurn {
        guard let stopReason else {
            throw ModelError.malformed(provider: provider, reason: "the stream ended before the answer did")
        }
        var calls: [ModelToolCall] = []
        for index in order {
            guard case .toolUse(let id, let name, let json)? = blocks[index] else { continue }
            calls.append(ModelToolCall.parsing(id: id, name: name, json: json))
        }
        return ModelTurn(text: text, toolCalls: calls, stopReason: stopReason)
    }
}
