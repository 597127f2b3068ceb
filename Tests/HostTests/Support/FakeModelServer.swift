import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MCP
import NIOCore
import ServerKit
import Synchronization

/// A model API on loopback that answers from a script of turns, in Anthropic's
/// Messages shape at `/v1/messages` and the OpenAI-compatible shape at
/// `/v1/chat/completions`, as JSON or streamed, as the request asks. Each turn is made
/// from the request it answers (to call a tool by the name the host offered, or to
/// repeat what a tool returned), and every request is kept for the test to read.
final class FakeModelServer: Sendable {
    enum Shape: Sendable { case anthropic, openai }

    /// What one turn answers.
    enum Reply: Sendable {
        case text(String)
        /// Text cut short by the token budget (`max_tokens`, `length`).
        case truncated(String)
        case tools([(name: String, arguments: [String: Value])], text: String = "")
        /// An HTTP refusal with the provider's error object.
        case refusal(status: Int, type: String, message: String, retryAfter: Int? = nil)
        /// A stream that starts and then carries an error event (Anthropic's mid-stream `overloaded_error`).
        case errorEvent(type: String, message: String)
    }

    /// A request as the server read it.
    struct Received: Sendable {
        let shape: Shape
        let key: String?
        let body: [String: Value]
        var streamed: Bool { body["stream"]?.boolValue == true }

        /// The names of the tools offered.
        var toolNames: [String] {
            (body["tools"]?.arrayValue ?? []).compactMap { tool in
                tool.objectValue?["name"]?.stringValue ?? tool.objectValue?["function"]?.objectValue?["name"]?.stringValue
            }
        }

        /// The tools offered, as `(name, input schema)`.
        var tools: [(name: String, schema: Value)] {
            (body["tools"]?.arrayValue ?? []).compactMap { tool in
                let object = tool.objectValue ?? [:]
                if let function = object["function"]?.objectValue {
                    return function["name"]?.stringValue.map { ($0, function["parameters"] ?? .null) }
                }
                return object["name"]?.stringValue.map { ($0, object["input_schema"] ?? .null) }
            }
        }

        /// The tool results of the last message, as `(call id, text, is error)`.
        var toolResults: [(id: String, text: String, isError: Bool)] {
            let messages = body["messages"]?.arrayValue ?? []
            switch shape {
            case .anthropic:
                guard let last = messages.last?.objectValue, case .array(let blocks)? = last["content"] else { return [] }
                return blocks.compactMap { block in
                    guard let block = block.objectValue, block["type"]?.stringValue == "tool_result" else { return nil }
                    return (block["tool_use_id"]?.stringValue ?? "", block["content"]?.stringValue ?? "", block["is_error"]?.boolValue ?? false)
                }
            case .openai:
                return messages.reversed().prefix { $0.objectValue?["role"]?.stringValue == "tool" }.reversed().map { message in
                    let object = message.objectValue ?? [:]
                    return (object["tool_call_id"]?.stringValue ?? "", object["content"]?.stringValue ?? "", false)
                }
            }
        }
    }

    typealias Turn = @Sendable (Received) -> Reply

    let key: String
    private let state: Mutex<(script: [Turn], received: [Received])>
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    private let address = Mutex(URL(string: "http://127.0.0.1")!)

    /// Where the API is, for `--base-url` (`/v1` added for the OpenAI-compatible shape).
    var baseURL: URL { address.withLock { $0 } }

    private init(key: String, script: [Turn]) {
        self.key = key
        state = Mutex((script, []))
    }

    /// Serves `script` on a free loopback port until `stop()`.
    static func start(key: String = "test-key", script: [Turn]) async throws -> FakeModelServer {
        let server = FakeModelServer(key: key, script: script)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "fake-model", factory: { _ in SwiftLogNoOpLogHandler() }))
        server.task.withLock { $0 = Task { try await app.run() } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        server.address.withLock { $0 = URL(string: "http://127.0.0.1:\(port)")! }
        return server
    }

    func stop() { task.withLock { $0?.cancel() } }

    var received: [Received] { state.withLock { $0.received } }

    // MARK: - Routes

    /// The API under `/v1`, behind the key check.
    private func router() -> Router<FakeModelContext> {
        let router = Router(context: FakeModelContext.self)
        let api = router.group("v1").add(middleware: APIKeyMiddleware(key: key))
        api.post("messages") { request, context in try await self.answer(request, context: context, shape: .anthropic) }
        api.post("chat/completions") { request, context in try await self.answer(request, context: context, shape: .openai) }
        return router
    }

    private func answer(_ request: Request, context: FakeModelContext, shape: Shape) async throws -> Response {
        var request = request
        let data = try await request.collectBody(upTo: 16 << 20)
        guard case .object(let body) = try JSONParser.parse(Data(buffer: data)) else { return Self.json(400, ["error": "not an object"]) }
        let received = Received(shape: shape, key: context.apiKey, body: body)
        if let broken = Self.brokenRule(in: body, shape: shape) {
            // The real APIs refuse a conversation that breaks their rules; so does this one.
            state.withLock { $0.received.append(received) }
            return Self.json(400, Self.errorObject(shape, type: "invalid_request_error", message: broken))
        }
        let turn = state.withLock { state -> Turn? in
            state.received.append(received)
            return state.script.isEmpty ? nil : state.script.removeFirst()
        }
        guard let turn else { return Self.json(500, ["error": ["message": "the script has no more turns"]]) }
        let reply = turn(received)
        let callIDBase = "call_\(state.withLock { $0.received.count })"
        switch reply {
        case .refusal(let status, let type, let message, let retryAfter):
            var response = Self.json(status, Self.errorObject(shape, type: type, message: message))
            if let retryAfter { response.headers[.retryAfter] = "\(retryAfter)" }
            return response
        case .errorEvent(let type, let message):
            return Self.events([Self.errorObject(shape, type: type, message: message)], done: false)
        case .text(let text):
            return received.streamed
                ? Self.events(Self.streamEvents(shape, text: text, calls: [], idBase: callIDBase), done: shape == .openai)
                : Self.json(200, Self.whole(shape, text: text, calls: [], idBase: callIDBase))
        case .truncated(let text):
            return received.streamed
                ? Self.events(Self.streamEvents(shape, text: text, calls: [], idBase: callIDBase, truncated: true), done: shape == .openai)
                : Self.json(200, Self.whole(shape, text: text, calls: [], idBase: callIDBase, truncated: true))
        case .tools(let calls, let text):
            return received.streamed
                ? Self.events(Self.streamEvents(shape, text: text, calls: calls, idBase: callIDBase), done: shape == .openai)
                : Self.json(200, Self.whole(shape, text: text, calls: calls, idBase: callIDBase))
        }
    }

    // MARK: - The APIs' rules

    /// The first rule of the provider's conversation the body breaks, if any: an empty
    /// assistant message, a tool call not answered in the next message, a result for
    /// no call.
    static func brokenRule(in body: [String: Value], shape: Shape) -> String? {
        let messages = (body["messages"]?.arrayValue ?? []).compactMap(\.objectValue)
        switch shape {
        case .anthropic:
            for (index, message) in messages.enumerated() where message["role"]?.stringValue == "assistant" {
                let blocks = message["content"]?.arrayValue ?? []
                if blocks.isEmpty && (message["content"]?.stringValue ?? "").isEmpty {
                    return "messages.\(index): all messages must have non-empty content"
                }
                if blocks.contains(where: { $0.objectValue?["type"] == "text" && ($0.objectValue?["text"]?.stringValue ?? "").allSatisfy(\.isWhitespace) }) {
                    return "messages.\(index): text content blocks must contain non-whitespace text"
                }
                let calls = Set(blocks.compactMap { $0.objectValue?["type"] == "tool_use" ? $0.objectValue?["id"]?.stringValue : nil })
                guard !calls.isEmpty else { continue }
                let answered = Set(
                    (index + 1 < messages.count ? messages[index + 1]["content"]?.arrayValue ?? [] : []).compactMap {
                        $0.objectValue?["type"] == "tool_result" ? $0.objectValue?["tool_use_id"]?.stringValue : nil
                    })
                if !calls.isSubset(of: answered) {
                    return "messages.\(index + 1): tool_use ids were found without tool_result blocks immediately after"
                }
            }
        case .openai:
            var open: Set<String> = []
            for (index, message) in messages.enumerated() {
                switch message["role"]?.stringValue {
                case "assistant":
                    if !open.isEmpty { return "messages.\(index): the tool calls before it were not all answered" }
                    let calls = (message["tool_calls"]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue }
                    if calls.isEmpty && (message["content"]?.stringValue ?? "").isEmpty {
                        return "messages.\(index): an assistant message needs content or tool_calls"
                    }
                    open = Set(calls)
                case "tool":
                    guard let id = message["tool_call_id"]?.stringValue, open.remove(id) != nil else {
                        return "messages.\(index): a tool message must answer a preceding tool_calls id"
                    }
                default:
                    if !open.isEmpty { return "messages.\(index): the tool calls before it were not all answered" }
                }
            }
        }
        return nil
    }

    // MARK: - Answers

    private static func errorObject(_ shape: Shape, type: String, message: String) -> Value {
        switch shape {
        case .anthropic: ["type": "error", "error": ["type": .string(type), "message": .string(message)]]
        case .openai: ["error": ["type": .string(type), "code": .string(type), "message": .string(message)]]
        }
    }

    private static func whole(
        _ shape: Shape, text: String, calls: [(name: String, arguments: [String: Value])], idBase: String, truncated: Bool = false
    ) -> Value {
        switch shape {
        case .anthropic:
            var content: [Value] = text.isEmpty ? [] : [["type": "text", "text": .string(text)]]
            for (index, call) in calls.enumerated() {
                content.append(["type": "tool_use", "id": .string("\(idBase)_\(index)"), "name": .string(call.name), "input": .object(call.arguments)])
            }
            return [
                "id": "msg_1", "type": "message", "role": "assistant", "content": .array(content),
                "stop_reason": truncated ? "max_tokens" : calls.isEmpty ? "end_turn" : "tool_use",
            ]
        case .openai:
            var message: [String: Value] = ["role": "assistant", "content": text.isEmpty ? .null : .string(text)]
            if !calls.isEmpty {
                message["tool_calls"] = .array(
                    calls.enumerated().map { index, call in
                        [
                            "id": .string("\(idBase)_\(index)"), "type": "function",
                            "function": ["name": .string(call.name), "arguments": .string(jsonText(.object(call.arguments)))],
                        ]
                    })
            }
            let finish: Value = truncated ? "length" : calls.isEmpty ? "stop" : "tool_calls"
            return ["id": "chatcmpl-1", "choices": [["index": 0, "message": .object(message), "finish_reason": finish]]]
        }
    }

    /// The answer as its provider streams it: text in small pieces, tool arguments as
    /// pieces of JSON text.
    private static func streamEvents(
        _ shape: Shape, text: String, calls: [(name: String, arguments: [String: Value])], idBase: String, truncated: Bool = false
    ) -> [Value] {
        let textPieces = pieces(text, size: 4)
        switch shape {
        case .anthropic:
            var events: [Value] = [["type": "message_start", "message": ["id": "msg_1", "role": "assistant", "content": []]]]
            var index = 0
            if !text.isEmpty {
                events.append(["type": "content_block_start", "index": .int(index), "content_block": ["type": "text", "text": ""]])
                events.append(["type": "ping"])
                for piece in textPieces {
                    events.append(["type": "content_block_delta", "index": .int(index), "delta": ["type": "text_delta", "text": .string(piece)]])
                }
                events.append(["type": "content_block_stop", "index": .int(index)])
                index += 1
            }
            for (number, call) in calls.enumerated() {
                events.append([
                    "type": "content_block_start", "index": .int(index),
                    "content_block": ["type": "tool_use", "id": .string("\(idBase)_\(number)"), "name": .string(call.name), "input": [:]],
                ])
                for piece in pieces(jsonText(.object(call.arguments)), size: 7) {
                    events.append([
                        "type": "content_block_delta", "index": .int(index), "delta": ["type": "input_json_delta", "partial_json": .string(piece)],
                    ])
                }
                events.append(["type": "content_block_stop", "index": .int(index)])
                index += 1
            }
            events.append(["type": "message_delta", "delta": ["stop_reason": truncated ? "max_tokens" : calls.isEmpty ? "end_turn" : "tool_use"]])
            events.append(["type": "message_stop"])
            return events
        case .openai:
            func chunk(_ delta: Value, finish: Value = .null) -> Value {
                ["id": "chatcmpl-1", "choices": [["index": 0, "delta": delta, "finish_reason": finish]]]
            }
            var events: [Value] = [chunk(["role": "assistant", "content": ""])]
            for piece in textPieces { events.append(chunk(["content": .string(piece)])) }
            for (number, call) in calls.enumerated() {
                events.append(
                    chunk([
                        "tool_calls": [
                            [
                                "index": .int(number), "id": .string("\(idBase)_\(number)"), "type": "function",
                                "function": ["name": .string(call.name), "arguments": ""],
                            ]
                        ]
                    ]))
                for piece in pieces(jsonText(.object(call.arguments)), size: 7) {
                    events.append(chunk(["tool_calls": [["index": .int(number), "function": ["arguments": .string(piece)]]]]))
                }
            }
            events.append(chunk([:], finish: truncated ? "length" : calls.isEmpty ? "stop" : "tool_calls"))
            return events
        }
    }

    private static func pieces(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return pieces
    }

    private static func jsonText(_ value: Value) -> String { String(decoding: JSONWriter.data(value), as: UTF8.self) }

    private static func json(_ status: Int, _ body: Value) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONWriter.data(body))))
    }

    private static func events(_ events: [Value], done: Bool) -> Response {
        var text = events.map { "data: \(jsonText($0))\n\n" }.joined()
        if done { text += "data: [DONE]\n\n" }
        return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

// MARK: - Context and middleware

/// A request to the fake API, with the key it presented.
struct FakeModelContext: Hummingbird.RequestContext {
    var coreContext: CoreRequestContextStorage
    /// `x-api-key` (Anthropic) or the bearer token (OpenAI), as the request sent it.
    var apiKey: String?

    init(source: Source) {
        coreContext = .init(source: source)
    }
}

/// Refuses a request without the right key with a 401 in the provider's shape, as the
/// real APIs do, and records the key it presented.
struct APIKeyMiddleware: RouterMiddleware {
    let key: String

    func handle(_ request: Request, context: FakeModelContext, next: (Request, FakeModelContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let bearer = request.headers[.authorization].flatMap(AccessPolicy.bearer(in:))
        context.apiKey = request.headers[HTTPField.Name("x-api-key")!] ?? bearer
        guard context.apiKey == key else {
            let body: Value = ["type": "error", "error": ["type": "authentication_error", "message": "invalid x-api-key"]]
            return Response(
                status: .unauthorized, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONWriter.data(body))))
        }
        return try await next(request, context)
    }
}
