import Foundation
import MCP
import Testing

@testable import Host

/// Plans run against a real Files server process.
@Suite struct PlanRunnerTests {
    func withFiles(_ body: (any MCPConnection, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try await StdioServerConnection.start(
            ServerCommand(name: "files", executable: StdioServerConnectionTests.setlist, arguments: ["serve", "files", folder.path]))
        do {
            try await body(files, folder)
        } catch {
            await files.close()
            throw error
        }
        await files.close()
    }

    @Test func theFolderComesFirstAndLaterStepsTakeEarlierOutputs() async throws {
        try await withFiles { files, folder in
            let plan = Plan([
                Plan.Step(id: "a", server: "files", tool: "write_file", arguments: ["path": "mix/a.txt", "content": "one"]),
                Plan.Step(id: "b", server: "files", tool: "write_file", arguments: ["path": "mix/b.txt", "content": "two"]),
                Plan.Step(id: "dir", server: "files", tool: "create_directory", arguments: ["path": "mix"]),
                Plan.Step(id: "read", server: "files", tool: "read_text_file", arguments: ["path": "mix/a.txt"], after: ["a"]),
                Plan.Step(id: "copy", server: "files", tool: "write_file", arguments: ["path": "mix/c.txt", "content": "{{read.content}}"]),
            ])
            let report = await PlanRunner(connections: [files]).run(plan)
            #expect(report.succeeded, "\(report.summary)")
            let copied = try String(contentsOf: folder.appendingPathComponent("mix/c.txt"), encoding: .utf8)
            #expect(copied == "one")
        }
    }

    @Test func theFirstFailureStopsThePlanAndTheReportSaysWhatRan() async throws {
        try await withFiles { files, folder in
            let plan = Plan([
                Plan.Step(id: "ok", server: "files", tool: "create_directory", arguments: ["path": "x"]),
                Plan.Step(id: "bad", server: "files", tool: "read_text_file", arguments: ["path": "missing.txt"], after: ["ok"]),
                Plan.Step(id: "later", server: "files", tool: "write_file", arguments: ["path": "x/later.txt", "content": "no"], after: ["bad"]),
            ])
            let report = await PlanRunner(connections: [files]).run(plan)
            #expect(!report.succeeded)
            #expect(report.summary.contains("ran     ok"))
            #expect(report.summary.contains("FAILED  bad"))
            #expect(report.summary.contains("not run later"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x/later.txt").path))
        }
    }

    /// A handshake-era stdio server in sh whose one tool, `meet`, marks FOLDER/NAME and
    /// waits up to 5 s for FOLDER/OTHER: it answers "met" when the other server's call
    /// came meanwhile, else "alone".
    static func meetingServer(_ name: String, waitingFor other: String, in folder: URL) throws -> ServerCommand {
        let script = folder.appendingPathComponent("meet.sh").path
        let text = #"""
            read line
            case "$line" in
              *server/discover*)
                printf '%s\n' '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found: server/discover"}}'
                read line ;;
            esac
            id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
            printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"meet","version":"1"}}}\n' "$id"
            read initialized
            while read request; do
              id=$(printf '%s' "$request" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
              touch "$1/$2"
              waited=0
              while [ ! -f "$1/$3" ] && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
              if [ -f "$1/$3" ]; then said=met; else said=alone; fi
              printf '{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":"%s"}]}}\n' "$id" "$said"
            done
            """#
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        return ServerCommand(name: name, executable: "/bin/sh", arguments: [script, folder.path, name, other])
    }

    @Test(.timeLimit(.minutes(1))) func independentStepsRunAtTheSameTime() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-meet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let left = try await StdioServerConnection.start(
            try Self.meetingServer("left", waitingFor: "right", in: folder), memory: EraMemory(file: nil))
        let right = try await StdioServerConnection.start(
            try Self.meetingServer("right", waitingFor: "left", in: folder), memory: EraMemory(file: nil))
        // Each call waits for the other: run one after the other, the first would answer "alone".
        let plan = Plan([
            Plan.Step(id: "a", server: "left", tool: "meet"),
            Plan.Step(id: "b", server: "right", tool: "meet"),
        ])
        let report = await PlanRunner(connections: [left, right]).run(plan)
        await left.close()
        await right.close()
        #expect(report.succeeded, "\(report.summary)")
        #expect(report.output("a") == .string("met") && report.output("b") == .string("met"))
    }

    @Test func aPlanNamingAnUnknownServerDoesNotStart() async throws {
        try await withFiles { files, _ in
            let report = await PlanRunner(connections: [files]).run(Plan([Plan.Step(id: "a", server: "nowhere", tool: "t")]))
            #expect(!report.succeeded && report.summary.contains("not connected"))
        }
    }
}
