import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import NIOHTTP1
import ServerKit

/// Where a provider's API is, and one POST to it: a JSON answer, or a stream of
/// Server-Sent Events read as they come. Refusals become `ModelError`s that say what
/// to do; a model request is never sent twice on its own.
struct ModelEndpoint: Sendable, CustomReflectable {
    /// The provider's name, for messages: "Anthropic", "the OpenAI-compatible server".
    let provider: String
    let url: URL
    let headers: [(String, String)]
    /// The environment variable the key came from, for messages.
    let keyVariable: String
    let model: String
    let http: HTTPClient
    /// How long a whole answer may take.
    let timeout: Duration

    /// What printing it shows: never the headers, which carry the key.
    var customMirror: Mirror { Mirror(self, children: ["provider": provider, "url": url.displayed, "model": model]) }

    // MARK: - Requests

    /// Posts `body` and reads its JSON answer.
    func json(_ body: Value) async throws -> Value {
        try await withinTimeout {
            let response = try await execute(body)
            let data = try await collect(response.body)
            guard let answer = try? JSONParser.parse(data) else {
                throw ModelError.malformed(provider: provider, reason: "the answer is not JSON")
            }
            return answer
        }
    }

    /// Posts `body` and gives each event of the streamed answer to `reader`, text to
    /// `onText` as it comes, until the stream ends or an event says `[DONE]`.
    /// - Returns: the reader, having read the whole answer.
    func stream<Reader: ModelStreamReader>(_ body: Value, into reader: Reader, onText: @escaping @Sendable (String) -> Void) async throws -> Reader {
        try await withinTimeout {
            var reader = reader
            let response = try await execute(body)
            var events = ServerSentEvents()
            do {
                for try await chunk in response.body {
                    for data in events.read(chunk.readableBytesView).map(\.data) {
                        if data == "[DONE]" { return reader }
                        guard let event = try? JSONParser.parse(Data(data.utf8)) else {
                            throw ModelError.malformed(provider: provider, reason: "a streamed event is not JSON")
                        }
                        if case .object(let members) = event, case .object(let error)? = members["error"] {
                            throw refusal(status: nil, error: error)
                        }
                        if let text = try reader.read(event) { onText(text) }
                    }
                }
                return reader
            } catch let error as HTTPClientError {
                throw ModelError.unreachable(provider: provider, url: url.displayed, reason: "the answer stopped midway (\(error))")
            }
        }
    }

    /// One turn of a model: `body` sent for a whole answer, read by `whole`, or streamed
    /// and read by `reader`, its text passed on as it comes.
    func turn<Reader: ModelStreamReader>(
        _ body: [String: Value], streams: Bool, reader: Reader, whole: (Value, String) throws -> ModelTurn,
        onText: @escaping @Sendable (String) -> Void
    ) async throws -> ModelTurn {
        guard streams else {
            let turn = try whole(try await json(.object(body)), provider)
            if !turn.text.isEmpty { onText(turn.text) }
            return turn
        }
        var body = body
        body["stream"] = true
        return try await stream(.object(body), into: reader, onText: onText).turn(provider: provider)
    }

    /// The whole exchange, answer included, within `timeout`: the client's own deadline
    /// ends once the answer's head has come.
    private func withinTimeout<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withTimeLimit(timeout, error: { [provider, url, timeout] in
            ModelError.unreachable(provider: provider, url: url.displayed, reason: "no whole answer within \(timeout.components.seconds) s")
        }, body)
    }

    private func execute(_ body: Value) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: JSONWriter.data(body)))
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, deadline: .after(timeout))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ModelError.unreachable(provider: provider, url: url.displayed, reason: "no answer within \(timeout.components.seconds) s")
        } catch {
            let text = "\(error)"
            throw ModelError.unreachable(
                provider: provider, url: url.displayed, reason: text.contains("Connection refused") ? "nothing answers there (connection refused)" : text)
        }
        guard response.status == .ok else {
            let data = (try? await collect(response.body)) ?? Data()
            let error: [String: Value] =
                switch try? JSONParser.parse(data) {
                case .object(let members)?:
                    switch members["error"] {
                    case .object(let error)?: error
                    case .string(let message)?: ["message": .string(message)]
                    default: [:]
                    }
                default: ["message": .string(String(decoding: data.prefix(300), as: UTF8.self))]
                }
            throw refusal(status: Int(response.status.code), error: error, retryAfter: response.headers.first(name: "Retry-After").flatMap { Int($0) })
        }
        return response
    }

    private func collect(_ body: HTTPClientResponse.Body) async throws -> Data {
        do {
            return Data(try await body.collect(upTo: 32 << 20).readableBytesView)
        } catch {
            throw ModelError.unreachable(provider: provider, url: url.displayed, reason: "the answer stopped midway (\(error))")
        }
    }

    // MARK: - Refusals

    /// What a refusal means, from its status (none for an error sent mid-stream) and the
    /// provider's error object (`{"type" or "code", "message"}`).
    func refusal(status: Int?, error: [String: Value], retryAfter: Int? = nil) -> ModelError {
        let message = error["message"]?.stringValue ?? "no message"
        let kind = (error["type"]?.stringValue ?? error["code"]?.stringValue ?? "").lowercased()
        let lowered = message.lowercased()
        if status == 401 || status == 403 || kind == "authentication_error" || kind == "invalid_api_key" {
            return .unauthorized(provider: provider, variable: keyVariable)
        }
        if status == 429 || kind == "rate_limit_error" || kind == "rate_limit_exceeded" {
            return .rateLimited(provider: provider, retryAfter: retryAfter)
        }
        if status == 529 || status == 503 || kind == "overloaded_error" { return .overloaded(provider: provider) }
        if lowered.contains("does not support tools") || lowered.contains("tools is not supported")
            || lowered.contains("tool use is not supported") || lowered.contains("does not support function")
        {
            return .toolsUnsupported(model: model)
        }
        if kind == "not_found_error" || kind == "model_not_found" || (status == 404 && lowered.contains(model.lowercased())) {
            return .unknownModel(model: model, message: message)
        }
        if status == 404 {
            return .unreachable(
                provider: provider, url: url.displayed, reason: "nothing is there (404): check --base-url, which for OpenAI-compatible servers ends in /v1")
        }
        return .refused(provider: provider, status: status ?? 0, message: message)
    }
}
