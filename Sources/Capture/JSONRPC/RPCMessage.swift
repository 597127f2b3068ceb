import Foundation
import MCP
import ServerKit

/// A JSON-RPC id as sent: numbers keep their text, so `1` and `"1"` differ.
enum RPCID: Hashable {
    case number(String)
    case string(String)
    case null

    init?(_ value: Value) {
        switch value {
        case .int(let number): self = .number(String(number))
        case .double(let number): self = .number(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let text): self = .string(text)
        case .null: self = .null
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .number(let text): return text
        case .string(let text): return "\"\(text)\""
        case .null: return "null"
        }
    }
}

/// One JSON-RPC message found in an HTTP body or an SSE event.
struct RPCMessage {
    enum Kind: String {
        case request, notification, result, error
        /// JSON that is not a JSON-RPC message.
        case invalid
    }

    var kind: Kind
    var method: String?
    var id: RPCID?
    var params: Value?
    var result: Value?
    var errorCode: Int?
    var errorMessage: String?
    var problem: String?

    /// Reads a message object; a batch gives one message per element.
    static func messages(in value: Value) -> [RPCMessage] {
        if case .array(let batch) = value { return batch.map(message) }
        return [message(value)]
    }

    static func message(_ value: Value) -> RPCMessage {
        guard case .object(let object) = value else {
            return RPCMessage(kind: .invalid, problem: "not a JSON object")
        }
        var message = RPCMessage(kind: .invalid)
        message.method = object["method"]?.stringValue
        message.params = object["params"]
        if let id = object["id"] { message.id = RPCID(id) }
        if object["jsonrpc"]?.stringValue != "2.0" { message.problem = "no \"jsonrpc\": \"2.0\"" }
        if message.method != nil {
            message.kind = object["id"] == nil ? .notification : .request
        } else if let error = object["error"] {
            message.kind = .error
            message.errorCode = error.objectValue?["code"]?.intValue
            message.errorMessage = error.objectValue?["message"]?.stringValue
        } else if let result = object["result"] {
            message.kind = .result
            message.result = result
        } else {
            message.problem = "neither a method nor a result or error"
        }
        return message
    }

    /// Parses a body; nil when it is not JSON.
    static func parse(_ bytes: [UInt8]) -> Value? {
        try? JSONParser.parse(Data(bytes))
    }
}
