import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import ServerKit
import Synchronization
import Testing

@testable import Host

/// The host's Streamable HTTP connection against real servers: Setlist's own Clock and
/// the Python SDK's (answering with SSE or with JSON), which speak both eras, and small
/// servers that fail as real ones do (never answering, forgetting their sessions).
@Suite struct HTTPServerConnectionTests {
    /// Starts `setlist serve clock --http 127.0.0.1:0 ARGS...` and reads its port from stderr.
    static func withClock(_ arguments: [String] = [], _ body: (URL) async throws -> Void) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StdioServerConnectionTests.setlist)
        process.arguments = ["serve", "clock", "--http", "127.0.0.1:0"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { process.terminate() }
        let reading = errors.fileHandleForReading
        let text = try await onOwnThread { () throws(ConnectionError) -> String in
            var text = ""
            while !text.contains("/mcp") {
                let chunk = reading.availableData
                guard !chunk.isEmpty else { throw ConnectionError.couldNotStart(server: "clock", reason: text) }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        let address = try #require(text.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\/mcp/)?.output.1)
        try await body(URL(string: "http://127.0.0.1:\(address)/mcp")!)
    }

    @Test func callsAToolOverHTTP() async throws {
        try await Self.withClock { url in
            let clock = try await HTTPServerConnection.start(name: "clock", url: url, memory: TestPeers.freshMemory())
            // Setlist's clock answers the modern request: the modern era.
            #expect(clock.era == .modern && clock.protocolVersion == "2026-07-28")
            #expect(try await clock.listTools().map(\.name).contains("current_time"))
            let result = try await clock.callTool("current_time", arguments: [:], onProgress: nil)
            #expect(result.structuredContent?.objectValue?["result"]?.stringValue?.hasSuffix(" UTC") == true)
            await clock.close()
        }
    }

    @Test func reachesThePythonSDKServerInTheModernEra() async throws {
        try await TestPeers.withPythonPeer { url in
            let memory = TestPeers.freshMemory()
            let peer = try await HTTPServerConnection.start(name: "peer", url: url, memory: memory)
            #expect(peer.era == .modern && peer.protocolVersion == "2026-07-28")
            #expect(try await peer.listTools().map(\.name) == ["echo"])
            let result = try await peer.callTool("echo", arguments: ["text": "Gnossienne n° 1"], onProgress: { _ in })
            #expect(result.structuredContent?.objectValue?["result"]?.stringValue == "Gnossienne n° 1")
            await peer.close()
            #expect(memory.era(of: EraMemory.key(name: "peer", url: url)) == .modern)
        }
    }

    @Test func mirrorsAMarkedParameterIntoTheHeaderThePythonSDKServerChecks() async throws {
        try await TestPeers.withPythonPeer("header_server.py") { url in
            let peer = try await HTTPServerConnection.start(name: "regions", url: url, memory: TestPeers.freshMemory())
            #expect(peer.era == .modern)
            // Called before any listing: the connection lists the tools first, to learn what to mirror.
            let arguments: [String: Value] = ["region": "Zürich", "query": "rain"]
            let result = try await peer.callTool("weather", arguments: arguments, onProgress: nil)
            #expect(result.isError != true)
            #expect(result.structuredContent?.objectValue?["result"]?.stringValue == "rain in Zürich")
            await peer.close()
            // The same call without Mcp-Param-Region is refused: the server does check it.
            let (status, body) = try await Self.post(["name": "weather", "arguments": .object(arguments)], to: url)
            #expect(status == 400 && body.contains("\(ModernRevision.ErrorCode.headerMismatch)"))
        }
    }

    /// A modern `tools/call` with the standard headers only; the status and body of its answer.
    static func post(_ params: [String: Value], to url: URL) async throws -> (Int, String) {
        let message: Value = [
            "jsonrpc": "2.0", "id": 1, "method": "tools/call",
            "params": .object(ClientMessages.params(params, era: .modern, progressToken: nil)),
        ]
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        for (field, value) in ModernHeaders.fields(for: message) { request.headers.add(name: field, value: value) }
        request.body = .bytes(ByteBuffer(bytes: JSONWriter.data(message)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }

    @Test func aServerRememberedAsOfTheHandshakeEraIsOpenedWithInitialize() async throws {
        // The Python SDK's server speaks both eras: opened with initialize, it keeps a
        // session and answers in SSE.
        try await TestPeers.withPythonPeer { url in
            let memory = TestPeers.freshMemory()
            memory.remember(.handshake, of: EraMemory.key(name: "peer", url: url))
            let peer = try await HTTPServerConnection.start(name: "peer", url: url, memory: memory)
            #expect(peer.era == .handshake && peer.protocolVersion == "2025-11-25")
            let result = try await peer.callTool("echo", arguments: ["text": "again"], onProgress: nil)
            #expect(result.structuredContent?.objectValue?["result"]?.stringValue == "again")
            await peer.close()
        }
    }

    @Test(arguments: ProtocolEra.allCases)
    func reachesThePythonSDKServerThatAnswersWithJSON(era: ProtocolEra) async throws {
        try await TestPeers.withPythonPeer("json_server.py") { url in
            // The peer answers a POST with one JSON body, not an event stream.
            let (status, body) = try await Self.post(["name": "echo", "arguments": ["text": "plain"]], to: url)
            #expect(status == 200 && body.hasPrefix("{"))
            let memory = TestPeers.freshMemory()
            if era == .handshake { memory.remember(.handshake, of: EraMemory.key(name: "json", url: url)) }
            let peer = try await HTTPServerConnection.start(name: "json", url: url, memory: memory)
            #expect(peer.era == era)
            #expect(try await peer.listTools().map(\.name) == ["echo"])
            let result = try await peer.callTool("echo", arguments: ["text": "Trois Gymnopédies"], onProgress: nil)
            #expect(result.structuredContent?.objectValue?["result"]?.stringValue == "Trois Gymnopédies")
            await peer.close()
        }
    }

    @Test func aSessionTheServerForgotIsStartedAgainOnce() async throws {
        try await Self.withClock(["--stateful"]) { url in
            // Remembered as of the handshake era, the clock gives the connection a session.
            let memory = TestPeers.freshMemory()
            memory.remember(.handshake, of: EraMemory.key(name: "clock", url: url))
            let trace = try Self.trace()
            let clock = try await HTTPServerConnection.start(name: "clock", url: url, trace: trace.recorder, memory: memory)
            #expect(clock.era == .handshake)
            // Ending the session on the server: the next call meets a 404, starts a new session, and is sent again.
            await clock.close()
            let result = try await clock.callTool("current_time", arguments: [:], onProgress: nil)
            #expect(result.isError != true)
            let handshake = ["initialize", "notifications/initialized"]
            #expect(try trace.sentMethods() == handshake + ["tools/call"] + handshake + ["tools/call"])
        }
    }

    @Test func aServerThatKeepsForgettingItsSessionIsAskedAgainOnlyOnce() async throws {
        try await TestPeers.withPythonPeer("misbehaving_server.py", arguments: ["forgetful"]) { url in
            let memory = TestPeers.freshMemory()
            let trace = try Self.trace()
            let peer = try await HTTPServerConnection.start(name: "forgetful", url: url, trace: trace.recorder, memory: memory)
            // Its 400 to the modern probe, with no modern error in it, is the handshake era's.
            #expect(peer.era == .handshake && peer.protocolVersion == "2025-11-25")
            #expect(memory.era(of: EraMemory.key(name: "forgetful", url: url)) == .handshake)
            // Every request after initialize names the version: the peer answers 400 once a notification came without it.
            await #expect {
                _ = try await peer.callTool("echo", arguments: [:], onProgress: nil)
            } throws: { error in
                guard case ConnectionError.refusedHTTP(_, 404, _) = error else { return false }
                return true
            }
            let handshake = ["initialize", "notifications/initialized"]
            #expect(try trace.sentMethods() == ["server/discover"] + handshake + ["tools/call"] + handshake + ["tools/call"])
        }
    }

    @Test(arguments: ["silent", "stalled-events"])
    func aServerThatNeverAnswersIsReportedWhenItsTimeIsUp(mode: String) async throws {
        try await TestPeers.withPythonPeer("misbehaving_server.py", arguments: [mode]) { url in
            let started = ContinuousClock.now
            await #expect {
                _ = try await HTTPServerConnection.start(name: "mute", url: url, timeout: .seconds(2), memory: TestPeers.freshMemory())
            } throws: { error in
                guard case ConnectionError.timedOut(_, "server/discover", 2) = error else { return false }
                return true
            }
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }

    /// A trace in a file of its own, and the methods of the requests and notifications it saw sent.
    static func trace() throws -> (recorder: Trace, sentMethods: () throws -> [String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-trace-\(UUID().uuidString).jsonl").path
        let recorder = try Trace(path: path)
        return (
            recorder,
            {
                try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
                    let entry = try JSONParser.parse(Data(line.utf8)).objectValue
                    guard entry?["direction"]?.stringValue == "sent" else { return nil }
                    return entry?["message"]?.objectValue?["method"]?.stringValue
                }
            }
        )
    }

    @Test func anSSEAnswerPassesProgressOnAndEndsWithTheAnswer() async throws {
        let stream = [
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"s-4","progress":1,"total":2,"message":"half"}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"other","progress":9}}"#,
            #"{"jsonrpc":"2.0","id":3,"result":{"stale":true}}"#,
            #"{"jsonrpc":"2.0","id":4,"result":{"ok":true}}"#,
        ].map { "event: message\ndata: \($0)\n\n" }.joined()
        let seen = Mutex<[CallProgress]>([])
        let answer = try await HTTPServerConnection.answer(
            fromEvents: .bytes(ByteBuffer(string: stream)), id: 4, token: "s-4", onProgress: { progress in seen.withLock { $0.append(progress) } },
            server: "test")
        #expect(answer.objectValue?["result"]?.objectValue?["ok"] == .bool(true))
        #expect(seen.withLock { $0 } == [CallProgress(progress: 1, total: 2, message: "half")])
        await #expect(throws: ConnectionError.self) {
            _ = try await HTTPServerConnection.answer(fromEvents: .bytes(ByteBuffer(string: "data: {}\n\n")), id: 1, token: "t", onProgress: nil, server: "test")
        }
    }

    @Test func aRefusalAndAnUnreachableServerAreReported() async throws {
        try await Self.withClock(["--token-env", "HOME"]) { url in
            await #expect(throws: ConnectionError.self) {
                _ = try await HTTPServerConnection.start(name: "locked", url: url, memory: TestPeers.freshMemory())
            }
        }
        await #expect(throws: ConnectionError.self) {
            _ = try await HTTPServerConnection.start(
                name: "nobody", url: URL(string: "http://127.0.0.1:1/mcp")!, timeout: .seconds(5), memory: TestPeers.freshMemory())
        }
    }
}
