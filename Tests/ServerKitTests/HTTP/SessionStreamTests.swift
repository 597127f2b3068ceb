import Foundation
import MCP
import Synchronization
import Testing

@testable import ServerKit

/// A session's SSE stream carries the server's own requests; the client answers by POST.
@Suite struct SessionStreamTests {
    /// Opens a session and returns the header that names it.
    static func openSession(_ server: LiveServer, capabilities: String = "{}") async throws -> String {
        let initialize = try await server.connect().exchange(
            httpRequest(
                "POST",
                body: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":\#(capabilities),"clientInfo":{"name":"c","version":"1"}}}"#))
        return "Mcp-Session-Id: \(try #require(initialize.headers["mcp-session-id"]))"
    }

    /// A request id used again while its first request is still in progress gets an
    /// error of its own; both requests are answered on their own connections.
    @Test func aReusedIdInASessionIsAnsweredAndReleased() async throws {
        try await LiveServer.with(TestTools.service(), HTTPServingOptions(port: 0, stateful: true)) { server in
            let session = try await Self.openSession(server)
            let slow = try server.connect()
            try slow.write(
                httpRequest(
                    "POST", headers: [session],
                    body: #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":500}}}"#))
            try await Task.sleep(for: .milliseconds(150))
            let twin = try await server.connect().exchange(
                httpRequest("POST", headers: [session], body: #"{"jsonrpc":"2.0","id":5,"method":"ping"}"#))
            #expect(twin.body.contains(#""code":-32600"#))
            #expect(try await slow.readStream(until: #""waited":500"#).contains(#""id":5"#))
            let again = try await server.connect().exchange(
                httpRequest("POST", headers: [session], body: #"{"jsonrpc":"2.0","id":5,"method":"ping"}"#))
            #expect(again.body == #"{"id":5,"jsonrpc":"2.0","result":{}}"#)
        }
    }

    @Test func theServerAsksForRootsOnTheStreamAndReadsTheAnswer() async throws {
        let roots = Mutex<[String]?>(nil)
        var service = TestTools.service()
        service.onInitialized = { connection in
            let listed = try? await connection.listRoots()
            roots.withLock { $0 = listed?.map(\.uri) }
        }
        try await LiveServer.with(service, HTTPServingOptions(port: 0, stateful: true)) { server in
            let sessionHeader = try await Self.openSession(server, capabilities: #"{"roots":{"listChanged":true}}"#)

            let stream = try server.connect()
            try stream.write(httpRequest("GET", headers: [sessionHeader, "Accept: text/event-stream"]))
            #expect(try await stream.readStream(until: "\r\n\r\n").contains("text/event-stream"))

            let initialized = try await server.connect().exchange(
                httpRequest("POST", headers: [sessionHeader], body: #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#))
            #expect(initialized.status == 202)

            let events = try await stream.readStream(until: #""method":"roots/list"}"#)
            let data = try #require(events.components(separatedBy: "\n").first { $0.hasPrefix("data: ") && $0.contains("roots/list") })
            let request = try JSONParser.parse(Data(data.dropFirst("data: ".count).utf8))
            let id = JSONWriter.string(try #require(request["id"]))

            let answered = try await server.connect().exchange(
                httpRequest(
                    "POST", headers: [sessionHeader],
                    body: #"{"jsonrpc":"2.0","id":\#(id),"result":{"roots":[{"uri":"file:///music"}]}}"#))
            #expect(answered.status == 202)
            let deadline = ContinuousClock.now + .seconds(5)
            while roots.withLock({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(roots.withLock { $0 } == ["file:///music"])

            let deleted = try await server.connect().exchange(httpRequest("DELETE", headers: [sessionHeader]))
            #expect(deleted.status == 200)
            // The stream's response ends: the last chunk of a chunked body.
            #expect(try await stream.readStream(until: "0\r\n\r\n", timeout: .seconds(3)).hasSuffix("0\r\n\r\n"))
        }
    }
}
