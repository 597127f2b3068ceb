import Foundation
import MCP
import ServerKit
import Testing

@testable import Host

/// `setlist chat -p` as a user runs it: the built binary, a configuration file naming
/// Setlist's clock and files servers, the scripted model API on loopback, and the
/// answer, the exit code and the approval prompt on the terminal.
@Suite struct ChatCommandTests {
    struct Run {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// A folder with a configuration of the clock and a files server confined to it.
    static func project() throws -> (folder: URL, config: String) {
        let folder = try ChatSessionTests.temporaryFolder()
        let config: Value = [
            "mcpServers": [
                "clock": ["command": .string(TestPeers.setlist), "args": ["serve", "clock"]],
                "files": ["command": .string(TestPeers.setlist), "args": ["serve", "files", .string(folder.path)]],
            ]
        ]
        let path = folder.appendingPathComponent("mcp.json")
        try String(decoding: try JSONEncoder().encode(config), as: UTF8.self).write(to: path, atomically: true, encoding: .utf8)
        return (folder, path.path)
    }

    /// Runs `setlist chat ARGUMENTS` with only `environment`'s keys for models, `input`
    /// on its standard input.
    static func chat(_ arguments: [String], environment: [String: String], input: String = "", in folder: URL) async throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPeers.setlist)
        process.arguments = ["chat"] + arguments
        var variables = ProcessInfo.processInfo.environment
        variables["ANTHROPIC_API_KEY"] = nil
        variables["OPENAI_API_KEY"] = nil
        variables["XDG_CACHE_HOME"] = folder.appendingPathComponent("cache").path
        process.environment = variables.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let deadline = Task {
            try await Task.sleep(for: .seconds(60))
            process.terminate()
        }
        defer { deadline.cancel() }
        // Both read at once: a child that fills one pipe while the other is read would wait forever.
        async let out = read(stdout)
        async let err = read(stderr)
        let (output, errors) = await (out, err)
        await onOwnThread { process.waitUntilExit() }
        return Run(stdout: output, stderr: errors, status: process.terminationStatus)
    }

    static func read(_ pipe: Pipe) async -> String {
        await onOwnThread { String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    // MARK: - Answers

    @Test func printModeAnswersOnceAsJSONForScripts() async throws {
        let (folder, config) = try Self.project()
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("clock__current_time", [:])]) },
            { request in .text("It is \(request.toolResults.first?.text ?? "?").") },
        ])
        defer { server.stop() }
        let run = try await Self.chat(
            ["-p", "What time is it?", "--provider", "openai", "--base-url", server.baseURL.appendingPathComponent("v1").absoluteString,
             "--model", "scripted", "--json", "--config", config],
            environment: ["OPENAI_API_KEY": server.key], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let answer = try Self.json(run.stdout)
        #expect((answer["answer"] as? String)?.contains("UTC") == true)
        #expect(answer["steps"] as? Int == 2)
        #expect(answer["stopped"] as? String == "answered")
        #expect((answer["tool_calls"] as? [[String: Any]])?.first?["tool"] as? String == "current_time")
        #expect(!run.stdout.contains(server.key) && !run.stderr.contains(server.key))
    }

    @Test func theStreamedAnswerReachesTheTerminalWithEachToolCall() async throws {
        let (folder, config) = try Self.project()
        let server = try await FakeModelServer.start(script: [
            { _ in .tools([("clock__current_time", [:])], text: "Looking. ") },
            { _ in .text("Time for coffee.") },
        ])
        defer { server.stop() }
        let run = try await Self.chat(
            ["-p", "time?", "--provider", "anthropic", "--base-url", server.baseURL.absoluteString, "--config", config],
            environment: ["ANTHROPIC_API_KEY": server.key], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Looking. \nTime for coffee.\n")
        #expect(run.stderr.contains("→ clock.current_time") && run.stderr.contains("✓ clock.current_time"), "\(run.stderr)")
        #expect(server.received.allSatisfy { $0.streamed })
        #expect(server.received.first?.shape == .anthropic)
    }

    // MARK: - Approval

    @Test func aWriteIsAskedAboutOnTheTerminalAndNoMeansNo() async throws {
        let (folder, config) = try Self.project()
        let target = folder.appendingPathComponent("mix.txt")
        let write: FakeModelServer.Turn = { _ in .tools([("files__write_file", ["path": .string(target.path), "content": "la"])]) }
        let server = try await FakeModelServer.start(script: [
            write, { _ in .text("Not written.") }, write, { _ in .text("Written.") }, write, { _ in .text("Written.") },
        ])
        defer { server.stop() }
        let arguments = ["-p", "write", "--provider", "openai", "--base-url", server.baseURL.appendingPathComponent("v1").absoluteString, "--config", config]
        let refused = try await Self.chat(arguments, environment: ["OPENAI_API_KEY": server.key], input: "n\n", in: folder)
        #expect(refused.stderr.contains("files wants to run write_file") && refused.stderr.contains("Allow?"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))

        let allowed = try await Self.chat(arguments, environment: ["OPENAI_API_KEY": server.key], input: "y\n", in: folder)
        #expect(allowed.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == "la")
        try FileManager.default.removeItem(at: target)

        let yes = try await Self.chat(arguments + ["--yes"], environment: ["OPENAI_API_KEY": server.key], in: folder)
        #expect(!yes.stderr.contains("Allow?"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "la")
    }

    // MARK: - Failures

    @Test func failuresExitNonZeroAndSayWhatToDo() async throws {
        let (folder, config) = try Self.project()
        let call: FakeModelServer.Turn = { _ in .tools([("clock__current_time", [:])]) }
        let server = try await FakeModelServer.start(script: [call, call, call])
        defer { server.stop() }
        let base = ["--provider", "openai", "--base-url", server.baseURL.appendingPathComponent("v1").absoluteString, "--config", config]

        let wrongKey = try await Self.chat(["-p", "hi", "--json"] + base, environment: ["OPENAI_API_KEY": "sk-wrong-secret"], in: folder)
        #expect(wrongKey.status == 1)
        #expect(try Self.json(wrongKey.stdout)["error"] as? String == "the OpenAI-compatible server refused the API key (401): check OPENAI_API_KEY.")
        #expect(!wrongKey.stdout.contains("sk-wrong-secret") && !wrongKey.stderr.contains("sk-wrong-secret"))

        let limited = try await Self.chat(["-p", "loop", "--json", "--max-steps", "2"] + base, environment: ["OPENAI_API_KEY": server.key], in: folder)
        #expect(limited.status == 2)
        #expect(try Self.json(limited.stdout)["stopped"] as? String == "step_limit")

        let noKey = try await Self.chat(["-p", "hi", "--config", config], environment: [:], in: folder)
        #expect(noKey.status == 1)
        #expect(noKey.stderr.contains("set ANTHROPIC_API_KEY or OPENAI_API_KEY"), "\(noKey.stderr)")
    }

    @Test func aTraceRecordsEveryMessageWithTheServerAndIsPrivate() async throws {
        let (folder, config) = try Self.project()
        let server = try await FakeModelServer.start(script: [{ _ in .tools([("clock__current_time", [:])]) }, { _ in .text("Done.") }])
        defer { server.stop() }
        let trace = folder.appendingPathComponent("chat.jsonl").path
        let run = try await Self.chat(
            ["-p", "time", "--provider", "openai", "--base-url", server.baseURL.appendingPathComponent("v1").absoluteString, "--config", config,
             "--trace", trace],
            environment: ["OPENAI_API_KEY": server.key], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map { try Self.json(String($0)) }
        let calls = lines.filter { ($0["message"] as? [String: Any])?["method"] as? String == "tools/call" }
        #expect(calls.count == 1)
        #expect(calls.first?["server"] as? String == "clock" && calls.first?["direction"] as? String == "sent")
        #expect(lines.contains { $0["server"] as? String == "files" })
        let mode = try FileManager.default.attributesOfItem(atPath: trace)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
