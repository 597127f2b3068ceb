import Foundation
import MCP
import Testing

@testable import Host

/// The host's stdio connection against Setlist's own servers, as real processes.
@Suite struct StdioServerConnectionTests {
    /// The `setlist` that `swift build` (and `swift test`) built in the package's `.build`.
    static let setlist: String = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent(".build/debug/setlist").path
    }()

    @Test func callsAToolOfARealServer() async throws {
        let clock = try await StdioServerConnection.start(ServerCommand(name: "clock", executable: Self.setlist, arguments: ["serve", "clock"]))
        let tools = try await clock.listTools()
        #expect(tools.map(\.name).contains("current_time"))
        let result = try await clock.callTool("convert_time", arguments: [
            "source_timezone": "Europe/Madrid", "time": "18:30", "target_timezone": "Asia/Tokyo",
        ], onProgress: nil)
        #expect(result.isError != true)
        #expect(result.structuredContent?.objectValue?["target"] != nil)
        await clock.close()
    }

    @Test func aServerThatCannotStartOrStopsIsReportedWithWhatItSaid() async throws {
        await #expect(throws: ConnectionError.self) {
            _ = try await StdioServerConnection.start(ServerCommand(name: "nothing", executable: "/nonexistent/server"))
        }
        do {
            _ = try await StdioServerConnection.start(
                ServerCommand(name: "files", executable: Self.setlist, arguments: ["serve", "files", "/nonexistent/folder"]))
            Issue.record("a server with no usable folder started")
        } catch let error as ConnectionError {
            guard case .exited(let server, let stderr) = error else {
                Issue.record("expected the server to have stopped, got \(error)")
                return
            }
            #expect(server == "files" && stderr.contains("/nonexistent/folder"))
        }
    }

    @Test(.timeLimit(.minutes(1))) func aServerThatNeverAnswersIsNotWaitedOnForever() async throws {
        let silent = ServerCommand(name: "silent", executable: "/bin/sh", arguments: ["-c", "cat > /dev/null"])
        let started = ContinuousClock.now
        await #expect(throws: ConnectionError.timedOut(server: "silent", method: "initialize", seconds: 1)) {
            _ = try await StdioServerConnection.start(silent, timeout: .seconds(1))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
