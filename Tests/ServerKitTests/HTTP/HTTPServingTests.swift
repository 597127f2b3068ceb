import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MCP
import Testing

@testable import ServerKit

/// The HTTP side of ServerKit, served for real on a loopback port.
@Suite struct HTTPServingTests {
    static let service = MCPService(name: "test", tools: [AnyTool(Timestamp.definition)] + TestTools.service().tools)

    enum Timestamp {
        struct Output: ToolOutput {
            let result: String
            static let outputSchema = JSONSchema.object(["result": .string()])
        }
        static let definition = ToolDefinition<NoArguments, Output>(
            name: "current_time", title: "Now", description: "A fixed time.", annotations: .readOnly
        ) { _ in Output(result: "2025-09-23 15:45:56 UTC") }
    }

    func withServer(
        _ options: HTTPServingOptions = HTTPServingOptions(port: 0),
        service: MCPService = Self.service,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let (app, _) = service.httpApplication(options, eventLoops: .singleton, logger: Logger(label: "test"))
        try await app.test(.live) { client in try await body(client) }
    }

    static let seedInitialize = #"{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}"#
    static let seedCall = #"{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": { "name": "current_time" }}"#
    static let jsonOnly: HTTPFields = [.contentType: "application/json"]

    static func json(_ response: TestResponse) throws -> [String: Value] {
        try JSONDecoder().decode([String: Value].self, from: Data(response.body.readableBytesView))
    }

    // MARK: - The seed's requests

    @Test(arguments: ["/mcp", "/mcp/jsonrpc"])
    func answersTheSeedsBareRequests(path: String) async throws {
        try await withServer { client in
            let initialize = try await client.execute(
                uri: path, method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: Self.seedInitialize))
            #expect(initialize.status == .ok)
            let result = try #require(try Self.json(initialize)["result"]?.objectValue)
            #expect(result["protocolVersion"] == .string(Version.latest))
            #expect(result["serverInfo"]?.objectValue?["name"] == "test")

            let call = try await client.execute(
                uri: path, method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: Self.seedCall))
            #expect(call.status == .ok)
            #expect(call.headers[.contentType] == "application/json")
            let callResult = try #require(try Self.json(call)["result"]?.objectValue)
            #expect(callResult["structuredContent"] == ["result": "2025-09-23 15:45:56 UTC"])
        }
    }

    @Test func everyClientMayInitializeWithoutSessions() async throws {
        try await withServer { client in
            for _ in 0..<3 {
                let response = try await client.execute(
                    uri: "/mcp", method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: Self.seedInitialize))
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("Mcp-Session-Id")!] == nil)
            }
        }
    }

    // MARK: - Protocol errors

    @Test func malformedJSONIsAJSONRPCParseError() async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: "{not json"))
            #expect(response.status == .badRequest)
            #expect(try Self.json(response)["error"]?.objectValue?["code"] == .int(-32700))
        }
    }

    @Test func anUnacceptableAcceptHeaderIs406() async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: "/mcp", method: .post, headers: [.contentType: "application/json", .accept: "text/html"],
                body: ByteBuffer(string: Self.seedCall))
            #expect(response.status == .notAcceptable)
        }
    }

    @Test func statelessServingRefusesGetWith405() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/mcp", method: .get, headers: [.accept: "text/event-stream"])
            #expect(response.status == .methodNotAllowed)
        }
    }

    @Test func servesOnlyItsPathsAndMethods() async throws {
        try await withServer { client in
            let put = try await client.execute(uri: "/mcp", method: .put, headers: Self.jsonOnly)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers[.allow] == "POST")
            let elsewhere = try await client.execute(
                uri: "/api", method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: Self.seedCall))
            #expect(elsewhere.status == .notFound)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await withServer { client in
            let big = String(repeating: " ", count: (1 << 20) + 1)
            let response = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: big))
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func healthIsOpenToProbes() async throws {
        try await withServer(HTTPServingOptions(port: 0, access: AccessPolicy(bearerToken: "t"))) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok")
        }
    }

    // MARK: - Access

    @Test func refusesForeignOrigins() async throws {
        try await withServer { client in
            var headers = Self.jsonOnly
            headers[.origin] = "http://attacker.example"
            let byOrigin = try await client.execute(
                uri: "/mcp/jsonrpc", method: .post, headers: headers, body: ByteBuffer(string: Self.seedCall))
            #expect(byOrigin.status == .forbidden)
            // A foreign Host header is checked end to end by the interop suite: this
            // test client always sends its own.
        }
    }

    @Test func requiresTheTokenWhenConfigured() async throws {
        let options = HTTPServingOptions(port: 0, access: AccessPolicy(bearerToken: "s3cret"))
        try await withServer(options) { client in
            let without = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.jsonOnly, body: ByteBuffer(string: Self.seedCall))
            #expect(without.status == .unauthorized)
            #expect(without.headers[.wwwAuthenticate] == "Bearer realm=\"setlist\"")

            var headers = Self.jsonOnly
            headers[.authorization] = "Bearer s3cret"
            let with = try await client.execute(
                uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: Self.seedCall))
            #expect(with.status == .ok)
        }
    }

    // MARK: - Sessions

    static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!
    static let stateful = HTTPServingOptions(port: 0, stateful: true)
    static let clientHeaders: HTTPFields = [.contentType: "application/json", .accept: "application/json, text/event-stream"]

    /// Initializes a session and returns the headers that name it.
    static func initialize(_ client: any TestClientProtocol) async throws -> HTTPFields {
        let initialize = try await client.execute(
            uri: "/mcp", method: .post, headers: clientHeaders, body: ByteBuffer(string: seedInitialize))
        #expect(initialize.status == .ok)
        var headers = clientHeaders
        let session: String = try #require(initialize.headers[sessionHeader])
        headers[sessionHeader] = session
        return headers
    }

    @Test func statefulServingKeepsSessions() async throws {
        try await withServer(Self.stateful) { client in
            let initialize = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.clientHeaders, body: ByteBuffer(string: Self.seedInitialize))
            #expect(initialize.status == .ok)
            #expect(initialize.headers[.contentType] == "application/json")
            var headers = Self.clientHeaders
            let session: String = try #require(initialize.headers[Self.sessionHeader])
            headers[Self.sessionHeader] = session
            #expect(String(buffer: initialize.body).contains(#""serverInfo""#))

            let sessionless = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.clientHeaders, body: ByteBuffer(string: Self.seedCall))
            #expect(sessionless.status == .badRequest)

            let call = try await client.execute(
                uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: Self.seedCall))
            #expect(call.status == .ok)
            #expect(String(buffer: call.body).contains("2025-09-23 15:45:56 UTC"))

            let again = try await client.execute(
                uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: Self.seedInitialize))
            #expect(try Self.json(again)["error"]?.objectValue?["code"] == -32600)

            let delete = try await client.execute(uri: "/mcp", method: .delete, headers: headers)
            #expect(delete.status == .ok)
            let afterDelete = try await client.execute(
                uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: Self.seedCall))
            #expect(afterDelete.status == .notFound)
        }
    }

    @Test func aRefusedInitializeOpensNoSession() async throws {
        try await withServer(Self.stateful) { client in
            let refused = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.clientHeaders,
                body: ByteBuffer(string: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":7}}"#))
            #expect(refused.headers[Self.sessionHeader] == nil)
            #expect(try Self.json(refused)["error"]?.objectValue?["code"] == -32602)
        }
    }

    @Test func contentTypesAreReadInAnyCaseWithOrWithoutSessions() async throws {
        for options in [HTTPServingOptions(port: 0), Self.stateful] {
            try await withServer(options) { client in
                var headers: HTTPFields = [.contentType: "APPLICATION/JSON; Charset=UTF-8"]
                if options.stateful { headers = try await Self.initialize(client); headers[.contentType] = "APPLICATION/JSON" }
                let call = try await client.execute(uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: Self.seedCall))
                #expect(call.status == .ok)
            }
        }
    }

    @Test func sessionsAreBoundedAndTheLeastRecentlyUsedEndsFirst() async throws {
        var options = Self.stateful
        options.maxSessions = 2
        try await withServer(options) { client in
            let first = try await Self.initialize(client)
            let second = try await Self.initialize(client)
            let ping = ByteBuffer(string: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
            #expect(try await client.execute(uri: "/mcp", method: .post, headers: first, body: ping).status == .ok)
            let third = try await Self.initialize(client)
            #expect(try await client.execute(uri: "/mcp", method: .post, headers: second, body: ping).status == .notFound)
            #expect(try await client.execute(uri: "/mcp", method: .post, headers: first, body: ping).status == .ok)
            #expect(try await client.execute(uri: "/mcp", method: .post, headers: third, body: ping).status == .ok)
        }
    }

    @Test func idleSessionsEnd() async throws {
        var options = Self.stateful
        options.sessionIdleTimeout = .milliseconds(200)
        try await withServer(options) { client in
            let first = try await Self.initialize(client)
            try await Task.sleep(for: .milliseconds(400))
            _ = try await Self.initialize(client)
            let ping = ByteBuffer(string: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
            #expect(try await client.execute(uri: "/mcp", method: .post, headers: first, body: ping).status == .notFound)
        }
    }

    @Test func aGetWithoutSSEIsNotAcceptable() async throws {
        try await withServer(Self.stateful) { client in
            var headers = try await Self.initialize(client)
            headers[.accept] = "application/json"
            #expect(try await client.execute(uri: "/mcp", method: .get, headers: headers).status == .notAcceptable)
        }
    }
}
