import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import NIOHTTP1
import ServerKit
import Synchronization

/// A server spoken to over Streamable HTTP, in the handshake era: each request a POST,
/// answered with JSON or with an SSE stream that carries progress and then the answer.
/// A session the server has forgotten (404) is started again once and the request
/// retried; every request has a deadline.
public final class HTTPServerConnection: MCPConnection {
    public let name: String
    let url: URL
    let headers: [String: String]
    let timeout: Duration
    private let trace: Trace?
    private let http: HTTPClient
    private let state = Mutex(State())

    private struct State {
        var nextID = 1
        var session: String?
        var protocolVersion: String?
    }

    /// The protocol version the server agreed to.
    public var protocolVersion: String? { state.withLock { $0.protocolVersion } }

    public static func start(
        name: String, url: URL, headers: [String: String] = [:], timeout: Duration = .seconds(60), trace: Trace? = nil,
        http: HTTPClient = .shared
    ) async throws -> HTTPServerConnection {
        let connection = HTTPServerConnection(name: name, url: url, headers: headers, timeout: timeout, trace: trace, http: http)
        try await connection.initialize()
        return connection
    }

    private init(name: String, url: URL, headers: [String: String], timeout: Duration, trace: Trace?, http: HTTPClient) {
        self.name = name
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.trace = trace
        self.http = http
    }

    private func initialize() async throws {
        state.withLock { $0.session = nil }
        let result = try await post("initialize", ClientMessages.initializeParams, onProgress: nil, retryExpired: false)
        state.withLock { $0.protocolVersion = result.objectValue?["protocolVersion"]?.stringValue }
        try await send(notification: "notifications/initialized")
    }

    // MARK: - MCPConnection

    public func listTools() async throws -> [Tool] {
        try ValueDecoder().decode(ListTools.Result.self, from: try await post("tools/list", [:], onProgress: nil)).tools
    }

    public func callTool(_ tool: String, arguments: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?) async throws
        -> CallTool.Result
    {
        let result = try await post("tools/call", ["name": .string(tool), "arguments": .object(arguments)], onProgress: onProgress)
        return try ValueDecoder().decode(CallTool.Result.self, from: result)
    }

    /// Ends the session on the server, when it keeps one.
    public func close() async {
        guard let session = state.withLock({ $0.session }) else { return }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .DELETE
        request.headers.add(name: "Mcp-Session-Id", value: session)
        _ = try? await http.execute(request, timeout: .seconds(5))
    }

    // MARK: - Requests

    private func post(
        _ method: String, _ params: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?, retryExpired: Bool = true
    ) async throws -> Value {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        var params = params
        let token = "\(name)-\(id)"
        if onProgress != nil { params["_meta"] = .object(["progressToken": .string(token)]) }
        let message = Value.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)])
        let response = try await execute(message, method: method)
        if response.status == .notFound, retryExpired, state.withLock({ $0.session }) != nil {
            // The server forgot the session: start a new one, and try once more.
            try await initialize()
            return try await post(method, params, onProgress: onProgress, retryExpired: false)
        }
        guard response.status == .ok else {
            let body = try? await response.body.collect(upTo: 64 << 10)
            throw ConnectionError.rejected(
                server: name, code: Int(response.status.code),
                message: body.map { String(buffer: $0) }.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) } ?? "HTTP \(response.status.code)")
        }
        if let session = response.headers.first(name: "Mcp-Session-Id") { state.withLock { $0.session = session } }
        let answer: Value
        if response.headers.first(name: "Content-Type")?.lowercased().hasPrefix("text/event-stream") == true {
            answer = try await Self.answer(
                fromEvents: response.body, id: id, token: token, onProgress: onProgress, server: name,
                trace: { [trace, name] data in trace?.record(.received, server: name, message: data) })
        } else {
            let body = try await response.body.collect(upTo: 64 << 20)
            guard let parsed = try? JSONParser.parse(Data(body.readableBytesView)) else {
                throw ConnectionError.malformed(server: name, reason: "the answer to \(method) is not JSON")
            }
            answer = parsed
            trace?.record(.received, server: name, message: Data(body.readableBytesView))
        }
        return try result(of: answer, method: method)
    }

    private func send(notification method: String) async throws {
        let response = try await execute(.object(["jsonrpc": "2.0", "method": .string(method)]), method: method)
        _ = try? await response.body.collect(upTo: 64 << 10)
    }

    private func execute(_ message: Value, method: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        let (session, version) = state.withLock { ($0.session, $0.protocolVersion) }
        if let session { request.headers.add(name: "Mcp-Session-Id", value: session) }
        if let version { request.headers.add(name: "MCP-Protocol-Version", value: version) }
        for (field, value) in headers { request.headers.replaceOrAdd(name: field, value: value) }
        let data = JSONWriter.data(message)
        trace?.record(.sent, server: name, message: data)
        request.body = .bytes(ByteBuffer(bytes: data))
        do {
            return try await http.execute(request, deadline: .now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ConnectionError.timedOut(server: name, method: method, seconds: Int(timeout.components.seconds))
        } catch {
            throw ConnectionError.couldNotStart(server: name, reason: "\(url.absoluteString): \(error)")
        }
    }

    private func result(of answer: Value, method: String) throws -> Value {
        guard case .object(let message) = answer else {
            throw ConnectionError.malformed(server: name, reason: "the answer to \(method) is not an object")
        }
        guard let outcome = ClientMessages.outcome(of: message, server: name) else {
            throw ConnectionError.malformed(server: name, reason: "the answer to \(method) has neither result nor error")
        }
        return try outcome.get()
    }

    /// Reads an SSE stream until the answer with `id` comes, passing progress on.
    static func answer(
        fromEvents body: HTTPClientResponse.Body, id: Int, token: String, onProgress: (@Sendable (CallProgress) -> Void)?, server: String,
        trace: (Data) -> Void = { _ in }
    ) async throws -> Value {
        var events = ServerSentEvents()
        for try await chunk in body {
            for data in events.read(chunk.readableBytesView) {
                trace(Data(data.utf8))
                guard let message = try? JSONParser.parse(Data(data.utf8)), case .object(let members) = message else { continue }
                if members["id"]?.intValue == id, ClientMessages.outcome(of: members, server: server) != nil { return message }
                if let (reported, progress) = ClientMessages.progress(in: members), reported == token { onProgress?(progress) }
            }
        }
        throw ConnectionError.malformed(server: server, reason: "the event stream ended without an answer")
    }
}
