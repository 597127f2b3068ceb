import Foundation
import Logging
import MCP
import Testing

@testable import ServerKit

/// The direct answers must be the answers the SDK's `Server` gives for the same requests.
@Suite struct DirectAnsweringTests {
    static let service = MCPService(name: "test", tools: [AnyTool(Greeting.definition)])

    enum Greeting {
        struct Input: ToolInput {
            let name: String
            static let schema = JSONSchema.object(["name": .string("Who to greet", minLength: 1)])
        }
        struct Output: ToolOutput {
            let greeting: String
            static let outputSchema = JSONSchema.object(["greeting": .string()])
        }
        static let definition = ToolDefinition<Input, Output>(
            name: "greet", title: "Greet", description: "Says hello.", annotations: .readOnly
        ) { input in Output(greeting: "Hola, \(input.name)") }
    }

    /// Sends `request` to an SDK server over an in-memory pair and returns its answer.
    func sdkAnswer(_ request: String) async throws -> Value {
        let (client, server) = await InMemoryTransport.createConnectedPair()
        let sdkServer = try await Self.service.start(on: server, bidirectional: false, logger: Logger(label: "test"))
        try await client.connect()
        try await client.send(Data(request.utf8))
        var iterator = await client.receive().makeAsyncIterator()
        let answer = try #require(try await iterator.next())
        await sdkServer.stop()
        return try JSONParser.parse(answer)
    }

    func directAnswer(_ request: String) async throws -> Value {
        let answer = try #require(await Self.service.answerDirectly(try JSONParser.parse(Data(request.utf8))))
        return try JSONParser.parse(answer)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#,
        #"{"jsonrpc":"2.0","id":"abc","method":"tools/call","params":{"name":"greet","arguments":{"name":""}}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"ping"}"#,
    ])
    func matchesTheSDKServer(request: String) async throws {
        #expect(try await directAnswer(request) == (try await sdkAnswer(request)))
    }

    @Test func unknownToolsAreJSONRPCErrorsOnBothPaths() async throws {
        let request = #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"nope"}}"#
        let direct = try await directAnswer(request)
        let sdk = try await sdkAnswer(request)
        #expect(direct.objectValue?["error"]?.objectValue?["code"] == -32602)
        #expect(direct.objectValue?["error"]?.objectValue?["code"] == sdk.objectValue?["error"]?.objectValue?["code"])
        #expect(direct.objectValue?["id"] == 5)
    }

    @Test func malformedCallsAreInvalidParams() async throws {
        let noName = try await directAnswer(#"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{}}"#)
        #expect(noName.objectValue?["error"]?.objectValue?["code"] == -32602)
        let badArguments = try await directAnswer(
            #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"greet","arguments":[1]}}"#)
        #expect(badArguments.objectValue?["error"]?.objectValue?["code"] == -32602)
    }

    @Test func leavesEverythingElseToTheSDK() async throws {
        for request in [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":1,"result":{}}"#,
        ] {
            let message = try JSONParser.parse(Data(request.utf8))
            #expect(!message.isRequest(for: MCPService.directMethods))
            #expect(await Self.service.answerDirectly(message) == nil)
        }
    }

    // MARK: - initialize, answered for a stdio connection

    func connectionAnswer(_ request: String, declaration: ClientDeclaration = .init()) async throws -> Value {
        let answers = ConnectionAnswers(service: Self.service, declaration: declaration)
        let answer = try #require(await answers.answerDirectly(try JSONParser.parse(Data(request.utf8))))
        return try JSONParser.parse(answer)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{}}"#,
        #"{"jsonrpc":"2.0","id":8,"method":"tools/list"}"#,
    ])
    func initializeMatchesTheSDKServer(request: String) async throws {
        #expect(try await connectionAnswer(request) == (try await sdkAnswer(request)))
    }

    @Test func initializeRecordsTheClientsCapabilitiesOnce() async throws {
        let declaration = ClientDeclaration()
        let first = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"roots":{"listChanged":true}}}}"#
        _ = try await connectionAnswer(first, declaration: declaration)
        #expect(declaration.capabilities?.roots?.listChanged == true)
        let again = try await connectionAnswer(
            #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}"#, declaration: declaration)
        #expect(again.objectValue?["error"]?.objectValue?["code"] == -32600)
        #expect(declaration.capabilities?.roots?.listChanged == true)
    }

    @Test func initializeWithoutParamsIsReadAsEmpty() async throws {
        let answer = try await connectionAnswer(#"{"jsonrpc":"2.0","id":4,"method":"initialize"}"#)
        #expect(answer.objectValue?["result"]?.objectValue?["protocolVersion"] == .string(Version.latest))
        let bad = try await connectionAnswer(#"{"jsonrpc":"2.0","id":5,"method":"initialize","params":{"capabilities":7}}"#)
        #expect(bad.objectValue?["error"]?.objectValue?["code"] == -32602)
    }
}
