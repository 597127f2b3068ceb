import Foundation
import MCP
import Synchronization
import Testing

@testable import Host

/// The chat loop end to end: a scripted model API on loopback, in both API shapes, as
/// JSON and streamed, driving Setlist's real clock and files servers as processes.
@Suite struct ChatSessionTests {
    enum Shape: String, CaseIterable, Sendable {
        case anthropic, openai
    }

    static func model(_ shape: Shape, _ server: FakeModelServer, streams: Bool, key: String? = nil) -> any LanguageModel {
        switch shape {
        case .anthropic: AnthropicMessages(model: "scripted", key: key ?? server.key, baseURL: server.baseURL, streams: streams)
        case .openai:
            OpenAIChatCompletions(model: "scripted", key: key ?? server.key, baseURL: server.baseURL.appendingPathComponent("v1"), streams: streams)
        }
    }

    static func clock(named name: String = "clock") async throws -> StdioServerConnection {
        try await StdioServerConnection.start(
            ServerCommand(name: name, executable: TestPeers.setlist, arguments: ["serve", "clock"]), memory: TestPeers.freshMemory())
    }

    static func files(_ folder: URL) async throws -> StdioServerConnection {
        try await StdioServerConnection.start(
            ServerCommand(name: "files", executable: TestPeers.setlist, arguments: ["serve", "files", folder.path]), memory: TestPeers.freshMemory())
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-chat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Answers approval requests from a list, and keeps what it was asked.
    final class ScriptedApprover: Approver {
        private let state: Mutex<(answers: [ApprovalAnswer], asked: [ApprovalRequest])>
        init(_ answers: [ApprovalAnswer]) { state = Mutex((answers, [])) }
        var asked: [ApprovalRequest] { state.withLock { $0.asked } }
        func approve(_ request: ApprovalRequest) async -> ApprovalAnswer {
            state.withLock { state in
                state.asked.append(request)
                return state.answers.isEmpty ? .no : state.answers.removeFirst()
            }
        }
    }

    // MARK: - Tool calls and results

    @Test(arguments: Shape.allCases, [true, false])
    func aToolCallRunsOnTheServerAndItsResultReachesTheModel(shape: Shape, streams: Bool) async throws {
        let server = try await FakeModelServer.start(script: [
            { request in .tools([(request.toolNames.first { $0.hasSuffix("__current_time") } ?? "none", [:])], text: "Checking the clock.") },
            { request in .text("It is \(request.toolResults.first?.text ?? "unknown").") },
        ])
        defer { server.stop() }
        let clock = try await Self.clock()
        let session = ChatSession(
            model: Self.model(shape, server, streams: streams), toolbox: await Toolbox.gather([clock]), approver: ScriptedApprover([]))
        let streamed = Mutex("")
        let reply = try await session.send("What time is it?") { event in
            if case .text(let text) = event { streamed.withLock { $0 += text } }
        }
        await clock.close()

        #expect(reply.steps == 2)
        #expect(reply.outcome == .answered)
        #expect(reply.calls == [ChatReply.Call(server: "clock", tool: "current_time", isError: false)])
        #expect(reply.text.wholeMatch(of: /It is .*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC.*\./) != nil, "\(reply.text)")
        #expect(streamed.withLock { $0 } == "Checking the clock." + reply.text)
        let received = server.received
        #expect(received.count == 2)
        #expect(received.allSatisfy { $0.streamed == streams && $0.key == server.key })
        #expect(received[0].toolNames.contains("execute_plan"))
        #expect(received[0].toolNames.allSatisfy { ToolNamesTests.isProviderSafe($0) })
        #expect(received[1].toolResults.map(\.id) == ["call_1_0"])
    }

    @Test func everyOfferedSchemaIsAnObjectWithProperties() async throws {
        let folder = try Self.temporaryFolder()
        let server = try await FakeModelServer.start(script: [{ _ in .text("Fine.") }])
        defer { server.stop() }
        let files = try await Self.files(folder)
        let session = ChatSession(model: Self.model(.openai, server, streams: false), toolbox: await Toolbox.gather([files]), approver: ApproveEverything())
        _ = try await session.send("hello")
        await files.close()
        let tools = server.received[0].tools
        #expect(tools.count > 10)
        for (name, schema) in tools {
            #expect(schema.objectValue?["type"] == "object", "\(name)")
            #expect(schema.objectValue?["properties"]?.objectValue != nil, "\(name)")
        }
    }

    @Test func aModernServerSetlistDidNotWriteServesTheChat() async throws {
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("time__get_current_time", ["timezone": "Asia/Tokyo"])]) },
            { request in .text(request.toolResults.first?.text ?? "") },
        ])
        defer { server.stop() }
        let time = try await StdioServerConnection.start(
            ServerCommand(name: "time", executable: try TestPeers.python("mcp-server-time")), memory: TestPeers.freshMemory())
        let session = ChatSession(model: Self.model(.anthropic, server, streams: true), toolbox: await Toolbox.gather([time]), approver: ScriptedApprover([]))
        let reply = try await session.send("Time in Tokyo?")
        await time.close()
        #expect(time.era == .modern)
        #expect(reply.calls == [ChatReply.Call(server: "time", tool: "get_current_time", isError: false)])
        #expect(reply.text.contains("Asia/Tokyo"), "\(reply.text)")
    }

    // MARK: - Approval

    @Test func aDestructiveCallWaitsForTheUserAndAlwaysLastsForTheSession() async throws {
        let folder = try Self.temporaryFolder()
        let write: @Sendable (String) -> FakeModelServer.Turn = { name in
            { _ in .tools([("files__write_file", ["path": .string(folder.appendingPathComponent(name).path), "content": "hello"])]) }
        }
        let server = try await FakeModelServer.start(script: [
            write("refused.txt"), { request in .text(request.toolResults.first?.text ?? "") },
            write("first.txt"), write("second.txt"), { _ in .text("Both written.") },
        ])
        defer { server.stop() }
        let files = try await Self.files(folder)
        let approver = ScriptedApprover([.no, .always])
        let session = ChatSession(model: Self.model(.anthropic, server, streams: true), toolbox: await Toolbox.gather([files]), approver: approver)

        let refused = try await session.send("Write refused.txt")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused.txt").path))
        #expect(refused.text.contains("did not allow"))
        #expect(server.received[1].toolResults.first?.isError == true)

        let allowed = try await session.send("Write two files")
        await files.close()
        #expect(allowed.text == "Both written.")
        for name in ["first.txt", "second.txt"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == "hello")
        }
        #expect(approver.asked.map(\.tool) == ["write_file", "write_file"])
        #expect(approver.asked.first?.reason.contains("may change or delete") == true)
    }

    @Test func readOnlyToolsRunWithoutAskingAndAllowedToolsListsAreHonoured() async throws {
        let folder = try Self.temporaryFolder()
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("files__list_allowed_directories", [:]), ("files__create_directory", ["path": .string(folder.appendingPathComponent("new").path)])]) },
            { _ in .text("Done.") },
        ])
        defer { server.stop() }
        let files = try await Self.files(folder)
        let approver = ScriptedApprover([.no])
        let toolbox = await Toolbox.gather([files], allowedTools: ["files": ["list_allowed_directories"]])
        let reply = try await ChatSession(model: Self.model(.openai, server, streams: true), toolbox: toolbox, approver: approver).send("Go")
        await files.close()
        // create_directory is not destructive, but the list does not name it: asked, refused.
        #expect(approver.asked.map(\.tool) == ["create_directory"])
        #expect(approver.asked.first?.reason.contains("allowedTools") == true)
        #expect(reply.calls.map(\.isError) == [false, true])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
    }

    // MARK: - Limits

    @Test func theStepLimitStopsAModelThatKeepsCallingTools() async throws {
        let call: FakeModelServer.Turn = { _ in .tools([("clock__current_time", [:])]) }
        let server = try await FakeModelServer.start(script: Array(repeating: call, count: 6))
        defer { server.stop() }
        let clock = try await Self.clock()
        let session = ChatSession(
            model: Self.model(.openai, server, streams: true), toolbox: await Toolbox.gather([clock]), approver: ApproveEverything(),
            settings: .init(maxSteps: 3))
        let reply = try await session.send("Loop")
        await clock.close()
        #expect(reply.steps == 3)
        #expect(reply.outcome == .stepLimit(pending: ["clock__current_time"]))
        #expect(server.received.count == 3)
        #expect(reply.calls.count == 2)
    }

    @Test func aVeryLargeResultIsCutWithANote() async throws {
        let folder = try Self.temporaryFolder()
        let big = folder.appendingPathComponent("big.txt")
        try String(repeating: "la ", count: 20_000).write(to: big, atomically: true, encoding: .utf8)
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("files__read_text_file", ["path": .string(big.path)])]) }, { _ in .text("Long.") },
        ])
        defer { server.stop() }
        let files = try await Self.files(folder)
        let session = ChatSession(
            model: Self.model(.anthropic, server, streams: false), toolbox: await Toolbox.gather([files]), approver: ApproveEverything(),
            settings: .init(resultLimit: 1_000))
        _ = try await session.send("Read it")
        await files.close()
        let text = try #require(server.received[1].toolResults.first?.text)
        #expect(text.hasSuffix("[cut: 59000 of 60000 characters not shown]"))
        #expect(text.count < 1_100)
    }

    @Test func aToolNameOverSixtyFourCharactersStillReachesItsTool() async throws {
        let long = "a-clock-server-whose-name-alone-is-longer-than-any-provider-allows-for-a-tool"
        let server = try await FakeModelServer.start(script: [
            { request in .tools([(request.toolNames.first { $0.hasPrefix("a-clock") && $0.contains("__convert_time_") } ?? "none", [
                "source_timezone": "Europe/Madrid", "time": "18:30", "target_timezone": "Asia/Tokyo",
            ])]) },
            { request in .text(request.toolResults.first?.text ?? "") },
        ])
        defer { server.stop() }
        let clock = try await Self.clock(named: long)
        let session = ChatSession(model: Self.model(.anthropic, server, streams: true), toolbox: await Toolbox.gather([clock]), approver: ApproveEverything())
        let reply = try await session.send("Convert")
        await clock.close()
        #expect(server.received[0].toolNames.allSatisfy { ToolNamesTests.isProviderSafe($0) })
        #expect(reply.calls == [ChatReply.Call(server: long, tool: "convert_time", isError: false)])
        #expect(reply.text.contains("Asia/Tokyo"))
    }

    // MARK: - Plans

    @Test func executePlanRunsDependentStepsAndAsksForTheDestructiveOnes() async throws {
        let folder = try Self.temporaryFolder()
        let note = folder.appendingPathComponent("notes/now.txt")
        let server = try await FakeModelServer.start(script: [
            { _ in
                .tools([(
                    "execute_plan",
                    [
                        "steps": [
                            ["id": "write", "tool": "files__write_file", "arguments": ["path": .string(note.path), "content": "{{now.result}}"]],
                            ["id": "now", "tool": "clock__current_time"],
                            ["id": "dir", "tool": "files__create_directory", "arguments": ["path": .string(folder.appendingPathComponent("notes").path)]],
                        ]
                    ]
                )])
            },
            { request in .text(request.toolResults.first?.text ?? "") },
        ])
        defer { server.stop() }
        let clock = try await Self.clock()
        let files = try await Self.files(folder)
        let approver = ScriptedApprover([.yes])
        let session = ChatSession(model: Self.model(.openai, server, streams: false), toolbox: await Toolbox.gather([clock, files]), approver: approver)
        let reply = try await session.send("Note the time")
        await clock.close()
        await files.close()
        #expect(approver.asked.map(\.tool) == ["write_file"])
        let written = try String(contentsOf: note, encoding: .utf8)
        #expect(written.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/) != nil, "\(written)")
        #expect(reply.calls == [ChatReply.Call(server: "", tool: "execute_plan", isError: false)])
        #expect(reply.text.contains("ran     write"))
    }

    @Test func aPlanWithAStepTheUserRefusesDoesNotRunAtAll() async throws {
        let folder = try Self.temporaryFolder()
        let server = try await FakeModelServer.start(script: [
            { _ in
                .tools([(
                    "execute_plan",
                    [
                        "steps": [
                            ["id": "dir", "tool": "files__create_directory", "arguments": ["path": .string(folder.appendingPathComponent("d").path)]],
                            ["id": "write", "tool": "files__write_file", "arguments": ["path": .string(folder.appendingPathComponent("d/x").path), "content": "x"], "after": ["dir"]],
                        ]
                    ]
                )])
            },
            { request in .text(request.toolResults.first?.text ?? "") },
        ])
        defer { server.stop() }
        let files = try await Self.files(folder)
        let session = ChatSession(model: Self.model(.anthropic, server, streams: true), toolbox: await Toolbox.gather([files]), approver: ScriptedApprover([.no]))
        let reply = try await session.send("Go")
        await files.close()
        #expect(reply.text.contains("did not allow step write"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("d").path))
    }

    // MARK: - The conversation's rules

    @Test(arguments: Shape.allCases)
    func anEmptyAnswerIsNotKeptSoTheConversationGoesOn(shape: Shape) async throws {
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("clock__current_time", [:])], text: "\n\n") }, { _ in .text("") }, { _ in .text("Still here.") },
        ])
        defer { server.stop() }
        let clock = try await Self.clock()
        let session = ChatSession(model: Self.model(shape, server, streams: true), toolbox: await Toolbox.gather([clock]), approver: ApproveEverything())
        let first = try await session.send("time?")
        let second = try await session.send("and now?")
        await clock.close()
        #expect(first.text == "" && first.outcome == .answered)
        #expect(second.text == "Still here.")
        #expect(server.received.count == 3, "the fake API refuses what the real ones refuse")
    }

    @Test(arguments: Shape.allCases)
    func aMessageTheModelCouldNotAnswerIsTakenBack(shape: Shape) async throws {
        let server = try await FakeModelServer.start(script: [
            { _ in .refusal(status: 529, type: "overloaded_error", message: "Overloaded") }, { _ in .text("Here now.") },
        ])
        defer { server.stop() }
        let session = ChatSession(model: Self.model(shape, server, streams: false), toolbox: await Toolbox.gather([]), approver: ApproveEverything())
        await #expect(throws: ModelError.self) { _ = try await session.send("first") }
        #expect(try await session.send("second").text == "Here now.")
        let sent = (server.received[1].body["messages"]?.arrayValue ?? []).filter { $0.objectValue?["role"] == "user" }
        #expect(sent.count == 1)
        #expect(sent.first?.objectValue?["content"] == "second")
    }

    @Test(arguments: Shape.allCases)
    func anAnswerCutByTheTokenBudgetSaysSo(shape: Shape) async throws {
        let server = try await FakeModelServer.start(script: [{ _ in .truncated("The first half of") }])
        defer { server.stop() }
        let session = ChatSession(model: Self.model(shape, server, streams: true), toolbox: await Toolbox.gather([]), approver: ApproveEverything())
        let reply = try await session.send("a long answer")
        #expect(reply.outcome == .truncated)
        #expect(reply.text == "The first half of")
    }

    // MARK: - Provider errors

    @Test(arguments: Shape.allCases)
    func refusalsBecomeMessagesThatSayWhatToDo(shape: Shape) async throws {
        let server = try await FakeModelServer.start(script: [
            { _ in .refusal(status: 429, type: "rate_limit_error", message: "slow down", retryAfter: 7) },
            { _ in .refusal(status: 529, type: "overloaded_error", message: "Overloaded") },
            { _ in .refusal(status: 400, type: "invalid_request_error", message: "registry.ollama.ai/library/gemma:2b does not support tools") },
            { _ in .errorEvent(type: "overloaded_error", message: "Overloaded") },
            { _ in .refusal(status: 404, type: "not_found_error", message: "model: scripted") },
            { _ in .refusal(status: 404, type: "", message: "404 page not found") },
        ])
        defer { server.stop() }
        let provider = shape == .anthropic ? "Anthropic" : "the OpenAI-compatible server"
        let expected: [ModelError] = [
            .rateLimited(provider: provider, retryAfter: 7), .overloaded(provider: provider), .toolsUnsupported(model: "scripted"),
            .overloaded(provider: provider), .unknownModel(model: "scripted", message: "model: scripted"),
            .unreachable(
                provider: provider, url: shape == .anthropic ? "\(server.baseURL)/v1/messages" : "\(server.baseURL)/v1/chat/completions",
                reason: "nothing is there (404): check --base-url, which for OpenAI-compatible servers ends in /v1"),
        ]
        for error in expected {
            let session = ChatSession(model: Self.model(shape, server, streams: true), toolbox: await Toolbox.gather([]), approver: ApproveEverything())
            await #expect(throws: error) { _ = try await session.send("hi") }
        }
        let wrongKey = ChatSession(model: Self.model(shape, server, streams: false, key: "wrong"), toolbox: await Toolbox.gather([]), approver: ApproveEverything())
        await #expect(throws: ModelError.unauthorized(provider: provider, variable: shape == .anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY")) {
            _ = try await wrongKey.send("hi")
        }
        #expect(ModelError.rateLimited(provider: "Anthropic", retryAfter: 7).description.contains("try again in 7 s"))
    }
}
