import Testing

@testable import Capture

/// HTTP/1.1 framing (Content-Length, chunked, SSE to the end of the stream) and the
/// JSON-RPC read from the bodies.
@Suite struct HTTPTests {
    func exchange(_ pairs: [(String, String)], port: UInt16 = 8080) throws -> CaptureReport {
        try analyze(conversation(pairs, port: port).pcap())
    }

    func conversation(_ pairs: [(String, String)], port: UInt16 = 8080) -> Conversation {
        var conversation = Conversation(serverPort: port)
        conversation.handshake()
        for (request, response) in pairs {
            conversation.send(fromClient: true, request)
            conversation.send(fromClient: false, response)
        }
        conversation.close()
        return conversation
    }

    @Test func contentLengthBodiesArePairedWithLatency() throws {
        let report = try exchange([
            (post(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
             jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-11-25"}}"#, extraHeaders: "Mcp-Session-Id: abc123\r\n")),
            (post(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"current_time"}}"#, extraHeaders: "Mcp-Session-Id: abc123\r\nMCP-Protocol-Version: 2025-11-25\r\n"),
             jsonResponse(#"{"jsonrpc":"2.0","id":2,"result":{"content":[]}}"#)),
        ])
        let connection = try #require(report.connections.first)
        #expect(connection.http.map(\.startLine) == ["POST /mcp HTTP/1.1", "HTTP/1.1 200 OK", "POST /mcp HTTP/1.1", "HTTP/1.1 200 OK"])
        // A session id lets whoever holds it act in the session: masked like a token.
        #expect(connection.http[1].headers.contains(HTTPReport.Header(name: "Mcp-Session-Id", value: "••••(6 characters)")))
        #expect(connection.http[2].headers.contains(HTTPReport.Header(name: "MCP-Protocol-Version", value: "2025-11-25")))
        #expect(connection.http[1].latencyMilliseconds == 1)
        #expect(connection.jsonrpc.map(\.method) == ["initialize", "initialize", "tools/call", "tools/call"])
        #expect(connection.jsonrpc.map(\.frame) == [4, 5, 6, 7])
        #expect(connection.jsonrpc.map(\.pairedFrame) == [5, 4, 7, 6])
        #expect(connection.jsonrpc.map(\.latencyMilliseconds) == [1, 1, 1, 1])
        #expect(connection.jsonrpc.allSatisfy { $0.flags.isEmpty })
        #expect(connection.layers.application == "HTTP/1.1 + JSON-RPC")
        #expect(report.text.contains("←  result initialize id=1  answers #4 after 1.000 ms"))
    }

    @Test func chunkedBodies() throws {
        let body = #"{"jsonrpc":"2.0","id":"a","result":{"ok":true}}"#
        let chunks = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10\r\n\(body.prefix(16))\r\n" + "\(String(body.count - 16, radix: 16))\r\n\(body.dropFirst(16))\r\n0\r\n\r\n"
        let report = try exchange([(post(#"{"jsonrpc":"2.0","id":"a","method":"ping"}"#), chunks)])
        let connection = try #require(report.connections.first)
        #expect(connection.http.last?.bodyBytes == body.count)
        #expect(connection.http.last?.complete == true)
        #expect(connection.jsonrpc.last?.summary == #"{"ok":true}"#)
        #expect(connection.jsonrpc.last?.id == #""a""#)
    }

    @Test func sseBodiesCarryMessagesEachAtItsOwnFrame() throws {
        var conversation = Conversation()
        conversation.handshake()
        conversation.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"slow"}}"#))
        conversation.send(fromClient: false, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        let progress = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}\n\n"
        conversation.send(fromClient: false, "\(String(progress.utf8.count, radix: 16))\r\n\(progress)\r\n")
        let result = "data: {\"jsonrpc\":\"2.0\",\"id\":3,\ndata: \"result\":{}}\n\n"
        conversation.send(fromClient: false, "\(String(result.utf8.count, radix: 16))\r\n\(result)\r\n0\r\n\r\n")
        conversation.close()
        let connection = try #require(try analyze(conversation.pcap()).connections.first)
        #expect(connection.jsonrpc.map(\.kind) == ["request", "notification", "result"])
        #expect(connection.jsonrpc.map(\.carrier) == ["JSON body", "SSE event", "SSE event"])
        #expect(connection.jsonrpc.map(\.frame) == [4, 6, 7])
        #expect(connection.jsonrpc.last?.latencyMilliseconds == 3)
        #expect(connection.layers.application == "HTTP/1.1 + JSON-RPC (JSON and SSE bodies)")
    }

    @Test func anSSEStreamWithoutLengthReadsToTheEnd() throws {
        let report = try exchange([(
            "GET /mcp HTTP/1.1\r\nAccept: text/event-stream\r\nMcp-Session-Id: s1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n: keep-alive\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"method\":\"roots/list\"}\n\n"
        )])
        let connection = try #require(report.connections.first)
        #expect(connection.jsonrpc.map(\.method) == ["roots/list"])
        #expect(connection.jsonrpc.first?.direction == "server → client")
        #expect(connection.jsonrpc.first?.flags == ["no response in the capture"])
    }

    @Test func orphansDuplicatesAndNullIdsAreFlagged() throws {
        let report = try exchange([
            (post(#"{"jsonrpc":"2.0","id":5,"method":"a"}"#), "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"),
            (post(#"{"jsonrpc":"2.0","id":5,"method":"b"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":9,"result":{}}"#)),
            (post(#"{"jsonrpc":"2.0","id":null,"method":"c"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request"}}"#)),
        ])
        let rpc = try #require(report.connections.first?.jsonrpc)
        #expect(rpc.map(\.kind) == ["request", "request", "result", "request", "error"])
        #expect(rpc[1].flags.contains { $0.hasPrefix("duplicate id 5") })
        #expect(rpc[0].flags.contains { $0.hasPrefix("duplicate id 5") })
        #expect(rpc[2].flags == ["orphan: no request with id 9 before it"])
        #expect(rpc[3].flags.contains("null id"))
        #expect(rpc[4].flags.contains("null id"))
        #expect(rpc[4].summary == "-32600 Invalid Request")
        #expect(report.text.contains("! orphan: no request with id 9 before it"))
    }

    @Test func batches() throws {
        let report = try exchange([(
            post(#"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"}]"#),
            jsonResponse(#"[{"jsonrpc":"2.0","id":1,"result":{}}]"#)
        )])
        #expect(report.connections.first?.jsonrpc.map(\.kind) == ["request", "notification", "result"])
    }

    @Test func secretsAreMaskedUnlessAsked() throws {
        let pairs = [(
            post(#"{"jsonrpc":"2.0","id":1,"method":"auth","params":{"access_token":"tok-123456"}}"#, extraHeaders: "Authorization: Bearer sk-secret-value\r\n"),
            jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{"refresh_token":"r-1","name":"x"}}"#)
        )]
        let masked = try exchange(pairs)
        #expect(!masked.text.contains("sk-secret-value"))
        #expect(!masked.json.contains("tok-123456"))
        #expect(!masked.json.contains("r-1"))
        #expect(masked.text.contains("Authorization: Bearer ••••(15 characters)"))
        #expect(masked.connections.first?.jsonrpc.first?.summary == #"{"access_token":"••••(10 characters)"}"#)
        let shown = try analyze(conversation(pairs).pcap(), options: CaptureOptions(showSecrets: true))
        #expect(shown.text.contains("Authorization: Bearer sk-secret-value"))
        #expect(shown.text.contains("tok-123456"))
    }

    @Test func filtersByPortHostAndMethod() throws {
        let first = conversation([(post(#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{}}"#))], port: 8080)
        let second = conversation([
            (post(#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{}}"#)),
            (post(#"{"jsonrpc":"2.0","id":2,"method":"tools/call"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":2,"result":{}}"#)),
        ], port: 9090)
        let bytes = first.pcap(frames: first.frames + second.frames)
        #expect(try analyze(bytes).connections.count == 2)
        #expect(try analyze(bytes, options: CaptureOptions(port: 9090)).connections.map(\.server) == ["127.0.0.1:9090"])
        #expect(try analyze(bytes, options: CaptureOptions(host: HostFilter("10.1.1.1"))).connections.isEmpty)
        #expect(try analyze(bytes, options: CaptureOptions(host: HostFilter("127.0.0.1"))).connections.count == 2)
        let calls = try analyze(bytes, options: CaptureOptions(method: "tools/call"))
        #expect(calls.connections.count == 1)
        #expect(calls.connections.first?.jsonrpc.map(\.id) == ["2", "2"])
    }

    @Test func jsonOutputIsForScripts() throws {
        let report = try exchange([(post(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#), jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{}}"#))])
        let decoded = try JSONDecoderForTests.decode(report.json)
        #expect(decoded == report)
    }

}
