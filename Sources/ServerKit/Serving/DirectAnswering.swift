import Foundation
import MCP

/// Answers the requests a tool server gets most often, without the SDK's `Server`.
///
/// ServerKit's transports hand `tools/call`, `tools/list` and `ping` here (and, over
/// stdio, `initialize`: ``ConnectionAnswers``) and all other messages (notifications,
/// answers to the server's own requests) to the SDK's `Server`, which has the same
/// tools registered. The SDK decodes every message into `Value` through a decoder
/// that compiles a regular expression for each string, and a stateless HTTP request
/// would need a `Server` of its own; on the hot path that made a call ten times
/// slower than the work it does.
public protocol DirectAnswering: Sendable {
    /// The methods whose requests a transport hands to ``answerDirectly(_:)``.
    var directMethods: Set<String> { get }

    /// The answer to `request`, encoded as a JSON-RPC response, or `nil` to leave it to the SDK.
    func answerDirectly(_ request: Value) async -> Data?
}

extension MCPService: DirectAnswering {
    static let directMethods: Set<String> = [CallTool.name, ListTools.name, Ping.name]

    public var directMethods: Set<String> { Self.directMethods }

    public func answerDirectly(_ request: Value) async -> Data? {
        guard case .object(let members) = request, let id = members["id"], id.isRequestID,
            case .string(let method)? = members["method"]
        else { return nil }
        let params = members["params"]?.objectValue ?? [:]
        switch method {
        case ListTools.name:
            return Self.response(id: id, resultJSON: toolsListJSON)
        case Ping.name:
            return Self.response(id: id, resultJSON: Data("{}".utf8))
        case CallTool.name:
            guard case .string(let name)? = params["name"] else {
                return Self.error(id: id, .invalidParams("tools/call needs params.name, the name of a tool"))
            }
            let arguments: [String: Value]?
            switch params["arguments"] {
            case nil, .null?: arguments = nil
            case .object(let object)?: arguments = object
            default: return Self.error(id: id, .invalidParams("params.arguments must be an object"))
            }
            do {
                let result = try await callTool(named: name, arguments: arguments)
                return Self.response(id: id, resultJSON: JSONWriter.data(try result.jsonValue()))
            } catch let error as MCPError {
                return Self.error(id: id, error)
            } catch {
                return Self.error(id: id, .internalError("\(error)"))
            }
        default:
            return nil
        }
    }

    // MARK: - Encoding

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encodeToolsList(_ descriptors: [Tool]) -> Data {
        (try? encoder.encode(ListTools.Result(tools: descriptors))) ?? Data(#"{"tools":[]}"#.utf8)
    }

    /// `{"id":…,"jsonrpc":"2.0","result":…}`, members sorted as the SDK writes them.
    static func response(id: Value, resultJSON: Data) -> Data {
        var data = Data(#"{"id":"#.utf8)
        data.append(JSONWriter.data(id))
        data.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
        data.append(resultJSON)
        data.append(UInt8(ascii: "}"))
        return data
    }

    static func error(id: Value, _ error: MCPError) -> Data {
        let body: Value = [
            "error": ["code": .int(error.code), "message": .string(error.errorDescription ?? "Error")],
            "id": id, "jsonrpc": "2.0",
        ]
        return JSONWriter.data(body)
    }
}

extension CallTool.Result {
    /// The result as JSON, text blocks written directly and anything else through its `Encodable` form.
    func jsonValue() throws -> Value {
        var members: [String: Value] = [:]
        members["content"] = .array(
            try content.map { block in
                if case .text(let text, nil, nil) = block { return ["type": "text", "text": .string(text)] }
                return try ValueEncoder().encode(block)
            })
        if let structuredContent { members["structuredContent"] = structuredContent }
        if let isError { members["isError"] = .bool(isError) }
        if let _meta { members["_meta"] = try ValueEncoder().encode(_meta) }
        return .object(members)
    }
}

extension Value {
    /// Whether this message is a request for one of `methods`.
    func isRequest(for methods: Set<String>) -> Bool {
        guard case .object(let members) = self, members["id"]?.isRequestID == true,
            case .string(let method)? = members["method"]
        else { return false }
        return methods.contains(method)
    }

    /// Whether this message (or a batch holding one) is a request, which expects an answer.
    var isJSONRPCRequest: Bool {
        switch self {
        case .array(let batch): batch.contains(where: \.isJSONRPCRequest)
        case .object(let members): members["method"] != nil && members["id"] != nil
        default: false
        }
    }

    /// The id named by a `notifications/cancelled` message.
    var cancelledRequestID: Value? {
        guard case .object(let members) = self, members["method"] == .string(CancelledNotification.name) else { return nil }
        return members["params"]?.objectValue?["requestId"]
    }

    /// JSON-RPC ids are strings or integers.
    var isRequestID: Bool {
        switch self {
        case .string, .int: true
        default: false
        }
    }
}
