import Foundation
import Logging
import MCP
import Testing

@testable import ServerKit

/// Every request is answered exactly once, with its own id; nothing else is.
@Suite struct MessageRouterTests {
    // MARK: - Answers as the MCP SDK's server gives them

    /// Sends `request` to an SDK `Server` with the same tools and returns its answer.
    func sdkAnswer(_ request: String) async throws -> Value {
        let service = TestTools.service()
        let (client, transport) = await InMemoryTransport.createConnectedPair()
        let server = Server(name: "test", version: service.version, capabilities: service.capabilities)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: service.tools.map(\.descriptor)) }
        await server.withMethodHandler(CallTool.self) { params in
            do {
                return try await service.callTool(named: params.name, arguments: params.arguments)
            } catch let error as JSONRPCError {
                throw MCPError.invalidParams(String(error.message.dropFirst("Invalid params: ".count)))
            }
        }
        try await server.start(transport: transport)
        try await client.connect()
        try await client.send(Data(request.utf8))
        var iterator = await client.receive().makeAsyncIterator()
        let answer = try #require(try await iterator.next())
        await server.stop()
        return try JSONParser.parse(answer)
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#,
        #"{"jsonrpc":"2.0","id":"abc","method":"tools/call","params":{"name":"greet","arguments":{"name":""}}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet"}}"#,
        #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"nope"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"ping"}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{}}"#,
    ])
    func answersAsTheSDKServerDoes(request: String) async throws {
        // The SDK repeats an error's detail under `data`; Setlist's message already holds it.
        var expected = try await sdkAnswer(request)
        if case .object(var answer) = expected, case .object(var error)? = answer["error"] {
            error["data"] = nil
            answer["error"] = .object(error)
            expected = .object(answer)
        }
        #expect(try await RouterProbe().send(request) == expected)
    }

    // MARK: - Ids

    @Test(arguments: [
        ("9223372036854775808", "9223372036854775808"), ("18446744073709551616", "18446744073709551616"),
        ("12345678901234567890123", "12345678901234567890123"), ("-7", "-7"), ("0", "0"),
        (#""""#, #""""#), (#""é""#, #""é""#), (#""e\u0301""#, "\"e\u{301}\""),
    ])
    func answersWithTheIdExactlyAsSent(sent: String, echoed: String) async throws {
        let answer = try #require(await RouterProbe().sendRaw(#"{"jsonrpc":"2.0","id":\#(sent),"method":"ping"}"#).answer)
        #expect(answer == Data(#"{"id":\#(echoed),"jsonrpc":"2.0","result":{}}"#.utf8))
    }

    @Test(arguments: [
        ("true", "null"), ("{}", "null"), ("[1]", "null"), ("null", "null"), ("1.5", "1.5"), ("1e3", "1e3"),
    ])
    func refusesIdsThatAreNotStringsOrIntegers(id: String, echoed: String) async throws {
        let (owed, answer) = await RouterProbe().sendRaw(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#)
        #expect(owed == .refusal)
        let text = String(decoding: try #require(answer), as: UTF8.self)
        #expect(text.contains(#""code":-32600"#))
        #expect(text.contains(#""id":\#(echoed),"#))
    }

    @Test func aMessageWithAMethodAndAResultIsRefusedWithItsId() async throws {
        let probe = RouterProbe()
        for body in [
            #"{"jsonrpc":"2.0","id":7,"method":"ping","result":{}}"#,
            #"{"jsonrpc":"2.0","id":7,"method":"ping","error":{"code":1,"message":"x"}}"#,
        ] {
            let answer = try #require(try await probe.send(body))
            #expect(answer["id"] == 7)
            #expect(answer.errorCode == -32600)
        }
    }

    @Test func anIdInUseIsRefusedUntilItsRequestEnds() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let slow = Task { try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":300}}}"#) }
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let twin = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#))
        #expect(twin.errorCode == -32600)
        #expect(try await slow.value?["result"]?["structuredContent"] == ["waited": 300])
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)?["result"] == [:])
    }

    @Test func canonicallyEqualStringIdsAreTwoIds() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let call = #""method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":200}}}"#
        async let composed = probe.sendRaw(#"{"jsonrpc":"2.0","id":"caf\u00e9","# + call)
        async let decomposed = probe.sendRaw(#"{"jsonrpc":"2.0","id":"cafe\u0301","# + call)
        let answers = await [composed.answer, decomposed.answer].map { try? JSONParser.parse($0 ?? Data()) }
        #expect(answers.compactMap { $0?["result"]?["structuredContent"] }.count == 2)
        #expect(Set(answers.compactMap { $0?["id"]?.stringValue.map { Array($0.utf8) } }).count == 2)
    }

    // MARK: - Bodies that are not messages

    @Test func textThatIsNotJSONGetsAParseErrorWithANullId() async throws {
        let (owed, answer) = await RouterProbe().sendRaw("this is not json")
        #expect(owed == .refusal)
        let parsed = try JSONParser.parse(try #require(answer))
        #expect(parsed.errorCode == -32700)
        #expect(parsed["id"] == .null)
    }

    @Test(arguments: [
        Data(#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"measure","arguments":{"text":"a"#.utf8) + Data([0xFF, 0xFE])
            + Data(#""}}}"#.utf8),
        Data(#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"measure","arguments":{"text":"\ud800"}}}"#.utf8),
        Data(#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"measure","arguments":{"text":1e400}}}"#.utf8),
    ])
    func textThatIsAlmostJSONGetsAParseErrorWithItsId(body: Data) async throws {
        let answer = try JSONParser.parse(try #require(await RouterProbe().sendRaw(body).answer))
        #expect(answer.errorCode == -32700)
        #expect(answer["id"] == 4)
    }

    @Test(arguments: [#"{"foo":1}"#, "7", #""ping""#, #"{"jsonrpc":"1.0","method":"ping"}"#, #"{"method":5}"#])
    func invalidRequestsGetAnInvalidRequestError(body: String) async throws {
        let (owed, answer) = await RouterProbe().sendRaw(body)
        #expect(owed == .refusal)
        #expect(try JSONParser.parse(try #require(answer)).errorCode == -32600)
    }

    // MARK: - Batches, notifications and answers

    @Test func aBatchIsAnsweredInOrderWithoutItsNotifications() async throws {
        let answer = try #require(
            try await RouterProbe().send(
                #"[{"jsonrpc":"2.0","id":"a","method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},"#
                    + #"{"jsonrpc":"2.0","id":"b","method":"nope"},{"jsonrpc":"2.0","id":true},"#
                    + #"{"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"greet","arguments":{"name":"Eva"}}}]"#))
        guard case .array(let answers) = answer else { Issue.record("not an array: \(answer)"); return }
        #expect(answers.map { $0["id"] } == ["a", "b", .null, "c"])
        #expect(answers.map { $0.errorCode } == [nil, -32601, -32600, nil])
    }

    @Test func notificationsAndAnswersAreOwedNothing() async throws {
        let probe = RouterProbe()
        for body in [
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","method":"notifications/whatever","params":{"x":1}}"#,
            #"{"jsonrpc":"2.0","id":99,"result":{}}"#,
            #"{"jsonrpc":"2.0","id":99,"error":{"code":-1,"message":"no"}}"#,
            #"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#,
        ] {
            #expect(await probe.sendRaw(body).owed == .nothing, "\(body)")
        }
        #expect(await probe.session.settled(within: .seconds(1)))
    }

    @Test func anEmptyBatchIsRefused() async throws {
        #expect(try await RouterProbe().send("[]")?.errorCode == -32600)
    }

    // MARK: - Cancellation

    @Test(.timeLimit(.minutes(1))) func aCancelledRequestStopsItsWorkAndGetsNoAnswer() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let started = ContinuousClock.now
        let call = Task {
            await probe.sendRaw(#"{"jsonrpc":"2.0","id":"w","method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":600000}}}"#)
        }
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await probe.sendRaw(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"w"}}"#).owed == .nothing)
        let (owed, answer) = await call.value
        #expect(owed == .answer)
        #expect(answer == nil)
        #expect(log.snapshot.cancelled == 1)
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(await probe.session.settled(within: .seconds(1)))
    }

    @Test func aCancellationFindsARequestWhoseIdIsBeyond64Bits() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let call = Task {
            await probe.sendRaw(
                #"{"jsonrpc":"2.0","id":18446744073709551616,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":20000}}}"#)
        }
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        _ = await probe.sendRaw(
            #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":18446744073709551616}}"#)
        #expect(await call.value.answer == nil)
        #expect(log.snapshot.cancelled == 1)
    }

    @Test func workCutShortByTheSessionsEndIsStillAnswered() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let call = Task {
            try await probe.send(#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":20000}}}"#)
        }
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        probe.session.close()
        let answer = try #require(try await call.value)
        #expect(answer["id"] == 3)
        #expect(answer.errorCode == -32603)
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"greet","arguments":{"name":"A"}}}"#)?.errorCode == -32603)
    }

    @Test func anIdIsFreeAgainOnceItsAnswerLeaves() async throws {
        let probe = RouterProbe()
        for _ in 0..<200 {
            let answer = try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet","arguments":{"name":"A"}}}"#)
            #expect(answer?.errorCode == nil)
        }
    }

    @Test func toolCallsInProgressAreBounded() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let calls = (0..<ServerSession.maximumWorking).map { number in
            Task {
                await probe.sendRaw(#"{"jsonrpc":"2.0","id":\#(number),"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":20000}}}"#)
            }
        }
        while log.snapshot.started < ServerSession.maximumWorking { try await Task.sleep(for: .milliseconds(5)) }
        let refused = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":"one more","method":"tools/call","params":{"name":"greet","arguments":{"name":"A"}}}"#))
        #expect(refused.errorCode == -32000)
        probe.session.close()
        for call in calls { _ = await call.value }
    }

    @Test func aBatchHoldsAtMostAHundredMessages() async throws {
        let ping = #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#
        let tooMany = "[" + Array(repeating: ping, count: IncomingBody.maximumBatch + 1).joined(separator: ",") + "]"
        #expect(try await RouterProbe().send(tooMany)?.errorCode == -32600)
        let enough = "[" + Array(repeating: ping, count: IncomingBody.maximumBatch).joined(separator: ",") + "]"
        #expect(await RouterProbe().sendRaw(enough).owed == .nothing)
    }

    // MARK: - The service's hooks

    @Test func hooksRunOneAtATimeAndABurstCollapses() async throws {
        let runs = HookRuns()
        var service = TestTools.service()
        service.onRootsChanged = { _ in await runs.run() }
        service.onInitialized = { _ in await runs.run() }
        let probe = RouterProbe(service, reachesClient: true)
        for _ in 0..<3 { _ = await probe.sendRaw(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#) }
        let burst = "[" + Array(repeating: #"{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}"#, count: 100).joined(separator: ",") + "]"
        for _ in 0..<10 { _ = await probe.sendRaw(burst) }
        let deadline = ContinuousClock.now + .seconds(5)
        while runs.counts.total < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        let (total, mostAtOnce) = runs.counts
        #expect(mostAtOnce == 1)
        #expect((2...3).contains(total), "initialized once, then the burst as one or two more runs: \(total)")
    }

    // MARK: - Waiting

    @Test func waitingForAnswersGivesUpAtItsTimeout() async throws {
        let log = WorkLog()
        let probe = RouterProbe(TestTools.service(log: log))
        let call = Task {
            await probe.sendRaw(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":20000}}}"#)
        }
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        #expect(await probe.session.settled(within: .milliseconds(200)) == false)
        #expect(ContinuousClock.now - started < .seconds(15))
        probe.session.close()
        _ = await call.value
        #expect(await probe.session.settled(within: .seconds(1)))
    }

    @Test func aRequestToTheClientTimesOut() async throws {
        let probe = RouterProbe(reachesClient: true)
        await #expect(throws: ClientRequestError.timedOut("roots/list")) {
            _ = try await probe.session.request("roots/list", timeout: .milliseconds(100))
        }
    }

    // MARK: - Errors stay short

    @Test func errorsNeverEchoAHugeArgumentWhole() async throws {
        let huge = String(repeating: "x", count: 1 << 20)
        for body in [
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"\#(huge)"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"\#(huge)"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"greet","arguments":{"name":["\#(huge)"]}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"ping","params":"\#(huge)"}"#,
        ] {
            let answer = try #require(await RouterProbe().sendRaw(body).answer)
            #expect(answer.count < 4_096)
        }
    }

    // MARK: - Requests to the client

    @Test func asksTheClientForItsRootsAndReadsTheAnswer() async throws {
        let probe = RouterProbe(reachesClient: true)
        let connection = ClientConnection(session: probe.session)
        let roots = Task { try await connection.listRoots() }
        while probe.sentToClient.messages.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        let request = try JSONParser.parse(try #require(probe.sentToClient.messages.withLock { $0.first }))
        #expect(request["method"] == "roots/list")
        let id = JSONWriter.string(try #require(request["id"]))
        _ = await probe.sendRaw(#"{"jsonrpc":"2.0","id":\#(id),"result":{"roots":[{"uri":"file:///music","name":"Music"}]}}"#)
        #expect(try await roots.value.map(\.uri) == ["file:///music"])
    }

    @Test func aClosedSessionFailsRequestsToTheClient() async throws {
        let probe = RouterProbe(reachesClient: true)
        let roots = Task { try await ClientConnection(session: probe.session).listRoots() }
        while probe.sentToClient.messages.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        probe.session.close()
        await #expect(throws: ClientRequestError.closed) { try await roots.value }
        await #expect(throws: ClientRequestError.unreachable) {
            try await ClientConnection(session: RouterProbe().session).listRoots()
        }
    }
}
