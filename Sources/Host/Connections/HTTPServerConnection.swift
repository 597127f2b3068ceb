import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import NIOHTTP1
import ServerKit
import Synchronization

/// A server spoken to over Streamable HTTP, in either era: each request a POST,
/// answered with JSON or with an SSE stream that carries progress and then the answer.
/// The connection opens with a modern request and falls back to the handshake on a 400,
/// 404 or 405 without a modern error in its body (see ``EraProbe``). In the modern era there is
/// no session, and every POST names its method (and tool) in headers; in the handshake
/// era a session the server has forgotten (404) is started again once and the request
/// retried. Every request has a deadline.
///
/// In the modern era a call also mirrors the tool's parameters marked `x-mcp-header`
/// into `Mcp-Param-*` headers (see ``ParamHeaders``): what `tools/list` said of each
/// tool is kept for its calls, and a tool whose annotation is invalid is left out.
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
        var agreement: EraProbe.Agreement?
        /// Modern era: the headers each listed tool's calls mirror, and the tools left out.
        var paramHeaders: [String: ParamHeaders] = [:]
        var leftOut: [String: ParamHeaders.Invalid] = [:]
    }

    public var protocolVersion: String? { state.withLock { $0.agreement?.protocolVersion } }
    public var era: ProtocolEra? { state.withLock { $0.agreement?.era } }

    /// Reaches the server and opens the connection in its era.
    /// - Parameter memory: where the server's era is remembered, if anywhere.
    public static func start(
        name: String, url: URL, headers: [String: String] = [:], timeout: Duration = .seconds(60), trace: Trace? = nil,
        http: HTTPClient? = nil, memory: EraMemory? = .standard
    ) async throws -> HTTPServerConnection {
        let connection = HTTPServerConnection(name: name, url: url, headers: headers, timeout: timeout, trace: trace, http: http ?? .host)
        let agreement = try await EraProbe.open(
            key: EraMemory.key(name: name, url: url), memory: memory, over: .http,
            discover: { try await connection.post(ClientMessages.discover, [:], in: .modern, onProgress: nil) },
            initialize: { try await connection.initialize() })
        connection.state.withLock { $0.agreement = agreement }
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

    /// The handshake: a new session; returns the version the server agreed to.
    private func initialize() async throws -> String {
        state.withLock { $0.session = nil }
        let result = try await post("initialize", ClientMessages.initializeParams, in: .handshake, onProgress: nil, retryExpired: false)
        let version = try ClientMessages.agreedVersion(in: result, server: name)
        // Every request after `initialize`, the notification included, names the version.
        state.withLock { $0.agreement = EraProbe.Agreement(era: .handshake, protocolVersion: version) }
        try await send(notification: "notifications/initialized")
        return version
    }

    // MARK: - MCPConnection

    /// The server's tools; in the modern era, without those whose `x-mcp-header`
    /// annotation is invalid (each reported once), as the revision requires.
    public func listTools() async throws -> [Tool] {
        let tools = try ValueDecoder().decode(ListTools.Result.self, from: try await post("tools/list", [:], onProgress: nil)).tools
        guard era == .modern else { return tools }
        let screened = ParamHeaders.screen(tools)
        let newlyLeftOut = state.withLock { state in
            defer { (state.paramHeaders, state.leftOut) = (screened.headers, screened.leftOut) }
            return screened.leftOut.filter { state.leftOut[$0.key] != $0.value }
        }
        for (tool, invalid) in newlyLeftOut.sorted(by: { $0.key < $1.key }) {
            Warning.write("the tool \(tool) of the MCP server \(name) is left out: \(invalid)")
        }
        return screened.tools
    }

    /// Calls a tool. In the modern era a server that finds the mirrored headers wrong
    /// (`HeaderMismatch`) refused before running the tool: the tools are listed again,
    /// in case its schema changed, and the call is sent once more.
    public func callTool(_ tool: String, arguments: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?) async throws
        -> CallTool.Result
    {
        let params: [String: Value] = ["name": .string(tool), "arguments": .object(arguments)]
        let result: Value
        do {
            result = try await post("tools/call", params, onProgress: onProgress, mirroring: try await paramHeaders(of: tool))
        } catch ConnectionError.rejected(_, ModernRevision.ErrorCode.headerMismatch, _) where era == .modern {
            _ = try await listTools()
            let parameters = try await paramHeaders(of: tool, listing: false)
            result = try await post("tools/call", params, onProgress: onProgress, mirroring: parameters)
        }
        return try ValueDecoder().decode(CallTool.Result.self, from: result)
    }

    /// The headers a modern-era call of `tool` mirrors, from what `tools/list` said of
    /// it; the tools are listed first when it said nothing yet. `nil` in the handshake era.
    private func paramHeaders(of tool: String, listing: Bool = true) async throws -> ParamHeaders? {
        guard era == .modern else { return nil }
        let known = { self.state.withLock { ($0.paramHeaders[tool], $0.leftOut[tool]) } }
        var (headers, invalid) = known()
        if headers == nil, invalid == nil, listing {
            _ = try await listTools()
            (headers, invalid) = known()
        }
        if let invalid {
            throw ConnectionError.malformed(
                server: name, reason: "its tool \(tool) is left out, as its x-mcp-header annotation breaks the rules of MCP: \(invalid)")
        }
        return headers
    }

    /// Ends the session on the server, when it keeps one (only handshake-era servers do).
    public func close() async {
        guard let session = state.withLock({ $0.session }) else { return }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .DELETE
        request.headers.add(name: "Mcp-Session-Id", value: session)
        _ = try? await http.execute(request, timeout: .seconds(5))
    }

    // MARK: - Requests

    /// Sends a request and waits for its answer.
    /// - Parameter era: the era to speak; `nil` for the agreed one.
    private func post(
        _ method: String, _ params: [String: Value], in era: ProtocolEra? = nil, onProgress: (@Sendable (CallProgress) -> Void)?,
        mirroring parameters: ParamHeaders? = nil, retryExpired: Bool = true
    ) async throws -> Value {
        // The client's deadline ends with the answer's head; an event stream that stalls after it must not hold the call.
        try await withTimeLimit(timeout, error: { [name, timeout] in
            ConnectionError.timedOut(server: name, method: method, seconds: Int(timeout.components.seconds))
        }) {
            try await self.exchange(method, params, in: era, onProgress: onProgress, mirroring: parameters, retryExpired: retryExpired)
        }
    }

    private func exchange(
        _ method: String, _ params: [String: Value], in era: ProtocolEra?, onProgress: (@Sendable (CallProgress) -> Void)?,
        mirroring parameters: ParamHeaders?, retryExpired: Bool
    ) async throws -> Value {
        let (id, agreed) = state.withLock { state in
            defer { state.nextID += 1 }
            return (state.nextID, state.agreement?.era)
        }
        let era = era ?? agreed
        let token = "\(name)-\(id)"
        let sent = ClientMessages.params(params, era: era, progressToken: onProgress == nil ? nil : token)
        let message = Value.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(sent)])
        let response = try await execute(message, method: method, era: era, mirroring: parameters)
        if response.status == .notFound, retryExpired, era == .handshake, state.withLock({ $0.session }) != nil {
            // The server forgot the session: start a new one, and try once more.
            _ = try await initialize()
            return try await post(method, params, onProgress: onProgress, retryExpired: false)
        }
        guard response.status == .ok else { throw await refusal(response) }
        if era == .handshake, let session = response.headers.first(name: "Mcp-Session-Id") { state.withLock { $0.session = session } }
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

    /// Why a non-200 answer failed: the JSON-RPC error in its body when that is a modern
    /// one (which tells a modern server from a handshake-era one), else the HTTP status
    /// with what the body says.
    private func refusal(_ response: HTTPClientResponse) async -> ConnectionError {
        let body = (try? await response.body.collect(upTo: 64 << 10)).map { Data($0.readableBytesView) } ?? Data()
        if !body.isEmpty { trace?.record(.received, server: name, message: body) }
        let status = Int(response.status.code)
        guard case .object(let message)? = try? JSONParser.parse(body) else {
            let text = String(decoding: body, as: UTF8.self)
            return .refusedHTTP(server: name, status: status, message: text.isEmpty ? "HTTP \(status)" : String(text.prefix(500)))
        }
        let code = message["error"]?.objectValue?["code"]?.intValue
        if let code, ClientMessages.modernErrorCodes.contains(code),
            case .failure(let error)? = ClientMessages.outcome(of: message, server: name)
        {
            return error
        }
        let said = message["error"]?.objectValue?["message"]?.stringValue ?? String(decoding: body.prefix(500), as: UTF8.self)
        return .refusedHTTP(server: name, status: status, message: said)
    }

    private func send(notification method: String) async throws {
        let response = try await execute(.object(["jsonrpc": "2.0", "method": .string(method)]), method: method, era: .handshake)
        _ = try? await response.body.collect(upTo: 64 << 10)
    }

    private func execute(_ message: Value, method: String, era: ProtocolEra?, mirroring parameters: ParamHeaders? = nil) async throws
        -> HTTPClientResponse
    {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        let (session, version) = state.withLock { ($0.session, $0.agreement?.protocolVersion) }
        if era == .modern {
            for (field, value) in ModernHeaders.fields(for: message, mirroring: parameters) {
                request.headers.add(name: field, value: value)
            }
        } else {
            if let session { request.headers.add(name: "Mcp-Session-Id", value: session) }
            if let version { request.headers.add(name: "MCP-Protocol-Version", value: version) }
        }
        for (field, value) in headers { request.headers.replaceOrAdd(name: field, value: value) }
        let data = JSONWriter.data(message)
        trace?.record(.sent, server: name, message: data)
        request.body = .bytes(ByteBuffer(bytes: data))
        do {
            return try await http.execute(request, deadline: .after(timeout))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw ConnectionError.timedOut(server: name, method: method, seconds: Int(timeout.components.seconds))
        } catch {
            throw ConnectionError.couldNotStart(server: name, reason: "\(url.displayed): \(error)")
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
            for data in events.read(chunk.readableBytesView).map(\.data) {
                trace(Data(data.utf8))
                guard let message = try? JSONParser.parse(Data(data.utf8)), case .object(let members) = message else { continue }
                if members["id"]?.intValue == id, ClientMessages.outcome(of: members, server: server) != nil { return message }
                if let (reported, progress) = ClientMessages.progress(in: members), reported == token { onProgress?(progress) }
            }
        }
        throw ConnectionError.malformed(server: server, reason: "the event stream ended without an answer")
    }
}
