import Foundation
import MCP
import Testing

@testable import ServerKit

/// POSTs of revision 2026-07-28 over HTTP: one request, served on its own on stateless
/// and stateful servers alike, with the status a dual-era client reads, and progress
/// on the request's own SSE stream.
@Suite struct ModernExchangeTests {
    static let meta = #""_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}"#
    static let metaWithProgress = #""_meta":{"progressToken":"p","io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}"#

    /// Reports progress twice, then answers.
    enum Count {
        struct Input: ToolInput {
            static let schema = JSONSchema.object([:])
        }
        struct Output: ToolOutput {
            let counted: Int
            static let outputSchema = JSONSchema.object(["counted": .integer()])
        }
        static let definition = ToolDefinition<Input, Output>(
            name: "count", title: "Count", description: "Counts to two, saying so.", annotations: .readOnly
        ) { _ in
            ToolProgress.report(1, of: 2, "one")
            ToolProgress.report(2, of: 2, "two")
            return Output(counted: 2)
        }
    }

    static let service = MCPService(name: "test", tools: [AnyTool(TestTools.Greeting.definition), AnyTool(Count.definition)])

    static func post(
        _ method: String, params: String = "", name: String? = nil, accept: String = "application/json, text/event-stream", progress: Bool = false,
        extra: [String] = []
    ) -> String {
        let meta = progress ? metaWithProgress : meta
        let body = #"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":{\#(params)\#(params.isEmpty ? "" : ",")\#(meta)}}"#
        let headers = ["Accept: \(accept)", "MCP-Protocol-Version: 2026-07-28", "Mcp-Method: \(method)"] + (name.map { ["Mcp-Name: \($0)"] } ?? []) + extra
        return httpRequest("POST", headers: headers, body: body)
    }

    @Test(arguments: [false, true])
    func aRequestIsAnsweredOnItsOwnWithTheErasMembersAndNoSession(stateful: Bool) async throws {
        try await LiveServer.with(Self.service, HTTPServingOptions(port: 0, stateful: stateful)) { server in
            let answer = try await server.connect().exchange(
                Self.post("tools/call", params: #""name":"greet","arguments":{"name":"Ana"}"#, name: "greet", extra: ["Mcp-Session-Id: nope"]))
            #expect(answer.status == 200 && answer.headers["content-type"] == "application/json")
            #expect(answer.headers["mcp-session-id"] == nil)
            let result = try #require(try JSONParser.parse(Data(answer.body.utf8)).objectValue?["result"]?.objectValue)
            #expect(result["structuredContent"] == ["greeting": "Hola, Ana"])
            #expect(result["resultType"] == "complete")
            #expect(result["_meta"]?.objectValue?["io.modelcontextprotocol/serverInfo"]?.objectValue?["name"] == "test")
            let discover = try await server.connect().exchange(Self.post("server/discover"))
            #expect(discover.status == 200 && discover.body.contains(#""supportedVersions":["2026-07-28","#))
        }
    }

    @Test(arguments: [
        ("tools/call", #""name":"greet""#, "other", 400, -32020),
        ("ping", "", nil, 404, -32601),
        ("tools/call", #""name":"nothing""#, "nothing", 400, -32602),
    ] as [(String, String, String?, Int, Int)])
    func errorsGetTheStatusTheRevisionGivesThem(method: String, params: String, name: String?, status: Int, code: Int) async throws {
        try await LiveServer.with(Self.service) { server in
            let answer = try await server.connect().exchange(Self.post(method, params: params, name: name))
            #expect(answer.status == status, "\(answer.body)")
            #expect(answer.body.hasPrefix(#"{"error":{"code":\#(code)"#), "\(answer.body)")
        }
    }

    @Test func aNotificationIsAcceptedABatchRefusedAndGetHasNothingToOpen() async throws {
        try await LiveServer.with(Self.service, HTTPServingOptions(port: 0, stateful: true)) { server in
            let headers = ["MCP-Protocol-Version: 2026-07-28", "Mcp-Method: notifications/cancelled"]
            let notification = try await server.connect().exchange(
                httpRequest("POST", headers: headers, body: #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3}}"#))
            #expect(notification.status == 202 && notification.body.isEmpty)
            let batch = try await server.connect().exchange(
                httpRequest("POST", headers: headers, body: #"[{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{\#(Self.meta)}}]"#))
            #expect(batch.status == 400 && batch.body.contains("-32600"))
            let get = try await server.connect().exchange(httpRequest("GET", headers: ["MCP-Protocol-Version: 2026-07-28", "Accept: text/event-stream"]))
            #expect(get.status == 405 && get.headers["allow"] == "POST")
        }
    }

    @Test func progressTravelsOnTheRequestsOwnStreamBeforeItsAnswer() async throws {
        try await LiveServer.with(Self.service) { server in
            let connection = try server.connect()
            try connection.write(Self.post("tools/call", params: #""name":"count""#, name: "count", progress: true))
            let stream = try await connection.readStream(until: #""counted":2"#)
            #expect(stream.lowercased().contains("content-type: text/event-stream"))
            let events = stream.components(separatedBy: "data: ").dropFirst().map { $0.prefix { $0 != "\n" } }
            #expect(events.count == 3, "\(stream)")
            #expect(events.first?.contains(#""progress":1"#) == true && events.first?.contains(#""progressToken":"p""#) == true)
            #expect(events.last?.contains(#""resultType":"complete""#) == true)
        }
    }

    @Test func aClientThatTakesJSONOnlyGetsTheAnswerWithoutProgress() async throws {
        try await LiveServer.with(Self.service) { server in
            let answer = try await server.connect().exchange(
                Self.post("tools/call", params: #""name":"count""#, name: "count", accept: "application/json", progress: true))
            #expect(answer.status == 200 && answer.headers["content-type"] == "application/json")
            #expect(answer.body.contains(#""counted":2"#) && !answer.body.contains("notifications/progress"))
        }
    }
}
