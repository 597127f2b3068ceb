import Foundation
import MCP
import Testing

@testable import ServerKit

/// `prompts/*` and `resources/*`, offered only by services that have them.
@Suite struct PromptsAndResourcesTests {
    static let service = MCPService(
        name: "test", tools: [AnyTool(TestTools.Greeting.definition)],
        prompts: [
            PromptDefinition(
                name: "greeting", title: "Greeting", description: "Asks for a greeting.",
                arguments: [Prompt.Argument(name: "who", description: "Who to greet", required: true)]
            ) { arguments in
                GetPrompt.Result(description: "A greeting", messages: [.user(.text(text: "Greet \(arguments["who"] ?? "")"))])
            }
        ],
        resources: ResourceProvider(
            list: { [Resource(name: "notes", uri: "test://notes", mimeType: "text/plain")] },
            read: { uri in
                guard uri == "test://notes" else { throw ResourceNotFound(uri: uri) }
                return [.text("remember the milk", uri: uri, mimeType: "text/plain")]
            }))

    @Test func initializeOffersWhatTheServiceHas() async throws {
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
        let full = try await RouterProbe(Self.service).send(initialize)?["result"]?["capabilities"]
        #expect(full?["prompts"] != nil && full?["resources"] != nil && full?["tools"] != nil)
        let toolsOnly = try await RouterProbe().send(initialize)?["result"]?["capabilities"]
        #expect(toolsOnly?["prompts"] == nil && toolsOnly?["resources"] == nil)
    }

    @Test func aPromptIsListedAndFilledIn() async throws {
        let probe = RouterProbe(Self.service)
        let list = try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"prompts/list"}"#)
        #expect(list?["result"]?["prompts"]?.arrayValue?.first?["name"] == .string("greeting"))
        let filled = try await probe.send(#"{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"greeting","arguments":{"who":"Ana"}}}"#)
        #expect(filled?["result"]?["messages"]?.arrayValue?.first?["content"]?["text"] == .string("Greet Ana"))
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"greeting"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"nope","arguments":{"who":"Ana"}}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"greeting","arguments":{"who":7}}}"#,
    ])
    func aBadPromptRequestIsInvalidParams(request: String) async throws {
        #expect(try await RouterProbe(Self.service).send(request)?.errorCode == -32602)
    }

    @Test func resourcesAreListedAndRead() async throws {
        let probe = RouterProbe(Self.service)
        let list = try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"resources/list"}"#)
        #expect(list?["result"]?["resources"]?.arrayValue?.first?["uri"] == .string("test://notes"))
        let read = try await probe.send(#"{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"test://notes"}}"#)
        #expect(read?["result"]?["contents"]?.arrayValue?.first?["text"] == .string("remember the milk"))
        let missing = try await probe.send(#"{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"test://other"}}"#)
        #expect(missing?.errorCode == -32002)
        let templates = try await probe.send(#"{"jsonrpc":"2.0","id":4,"method":"resources/templates/list"}"#)
        #expect(templates?["result"]?["resourceTemplates"] == .array([]))
    }

    @Test func aServiceWithoutThemDoesNotKnowTheMethods() async throws {
        let probe = RouterProbe()
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"resources/list"}"#)?.errorCode == -32601)
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":2,"method":"prompts/list"}"#)?["result"]?["prompts"] == .array([]))
    }
}

/// Progress notifications from a tool, where the client asked for them and can get them.
@Suite struct ToolProgressTests {
    enum Counting {
        struct Input: ToolInput {
            static let schema = JSONSchema.object([:])
        }
        struct Output: ToolOutput {
            let done: Bool
            static let outputSchema = JSONSchema.object(["done": .boolean()])
        }
        static let definition = ToolDefinition<Input, Output>(
            name: "count", title: "Count", description: "Counts to three.", annotations: .readOnly
        ) { _ in
            for step in 1...3 { ToolProgress.report(Double(step), of: 3, "step \(step)") }
            return Output(done: true)
        }
    }

    static let service = MCPService(name: "test", tools: [AnyTool(Counting.definition)])

    @Test func progressGoesToTheClientBeforeTheAnswerWithItsToken() async throws {
        let probe = RouterProbe(Self.service, reachesClient: true)
        let answer = try await probe.send(
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"count","_meta":{"progressToken":"p-1"}}}"#)
        #expect(answer?["result"]?["structuredContent"]?["done"] == .bool(true))
        let sent = try probe.sentToClient.messages.withLock { $0 }.map { try JSONParser.parse($0) }
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0["method"] == .string("notifications/progress") && $0["params"]?["progressToken"] == .string("p-1") })
        #expect(sent.map { $0["params"]?["progress"]?.numericValue } == [1, 2, 3])
        #expect(sent.last?["params"]?["message"] == .string("step 3"))
    }

    @Test func withoutATokenOrAWayToTheClientNothingIsSent() async throws {
        let listening = RouterProbe(Self.service, reachesClient: true)
        _ = try await listening.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"count"}}"#)
        #expect(listening.sentToClient.messages.withLock { $0.isEmpty })
        let stateless = RouterProbe(Self.service, reachesClient: false)
        let answer = try await stateless.send(
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"count","_meta":{"progressToken":7}}}"#)
        #expect(answer?["result"]?["structuredContent"]?["done"] == .bool(true))
    }
}
