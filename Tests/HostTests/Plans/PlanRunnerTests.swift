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

    @Test func aPlanNamingAnUnknownServerDoesNotStart() async throws {
        try await withFiles { files, _ in
            let report = await PlanRunner(connections: [files]).run(Plan([Plan.Step(id: "a", server: "nowhere", tool: "t")]))
            #expect(!report.succeeded && report.summary.contains("not connected"))
        }
    }
}
