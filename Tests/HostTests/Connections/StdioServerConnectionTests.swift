import Foundation
import MCP
import Synchronization
import Testing

@testable import Host

/// The host's stdio connection against real processes: Setlist's own servers and the
/// Python reference time server, both of either era, and a server of the handshake era alone.
@Suite struct StdioServerConnectionTests {
    /// The `setlist` that `swift build` (and `swift test`) built in the package's `.build`.
    static let setlist = TestPeers.setlist

    @Test func callsAToolOfARealServer() async throws {
        let clock = try await StdioServerConnection.start(
            ServerCommand(name: "clock", executable: Self.setlist, arguments: ["serve", "clock"]), memory: TestPeers.freshMemory())
        // Setlist's clock answers server/discover: the modern era.
        #expect(clock.era == .modern && clock.protocolVersion == "2026-07-28")
        let tools = try await clock.listTools()
        #expect(tools.map(\.name).contains("current_time"))
        let result = try await clock.callTool("convert_time", arguments: [
            "source_timezone": "Europe/Madrid", "time": "18:30", "target_timezone": "Asia/Tokyo",
        ], onProgress: nil)
        #expect(result.isError != true)
        #expect(result.structuredContent?.objectValue?["target"] != nil)
        await clock.close()
    }

    @Test func reachesTheModernTimeServerAndRemembersItsEra() async throws {
        let command = ServerCommand(name: "time", executable: try TestPeers.python("mcp-server-time"))
        let memory = TestPeers.freshMemory()
        let time = try await StdioServerConnection.start(command, memory: memory)
        #expect(time.era == .modern && time.protocolVersion == "2026-07-28")
        #expect(try await time.listTools().map(\.name).sorted() == ["convert_time", "get_current_time"])
        // Asking for progress puts its token in the same `_meta` as the protocol's keys.
        let progress = Mutex<[CallProgress]>([])
        let result = try await time.callTool(
            "get_current_time", arguments: ["timezone": "Europe/Madrid"], onProgress: { report in progress.withLock { $0.append(report) } })
        #expect(result.isError != true)
        #expect(result.structuredContent?.objectValue?["timezone"]?.stringValue == "Europe/Madrid")
        #expect(result.structuredContent?.objectValue?["datetime"]?.stringValue?.isEmpty == false)
        await time.close()
        // Remembered in the file too, where the next run reads it.
        #expect(EraMemory(file: memory.file).era(of: EraMemory.key(command)) == .modern)
    }

    @Test func aRememberedEraIsTriedFirst() async throws {
        let time = ServerCommand(name: "time", executable: try TestPeers.python("mcp-server-time"))
        let clock = ServerCommand(name: "clock", executable: Self.setlist, arguments: ["serve", "clock"])
        let memory = TestPeers.freshMemory()
        memory.remember(.handshake, of: EraMemory.key(time))
        memory.remember(.handshake, of: EraMemory.key(clock))
        // Both speak both eras: opened with initialize, they keep to the handshake.
        for (command, tool) in [(time, "get_current_time"), (clock, "get_current_time")] {
            let dual = try await StdioServerConnection.start(command, memory: memory)
            #expect(dual.era == .handshake && dual.protocolVersion == "2025-11-25", "\(command.name)")
            #expect(try await dual.callTool(tool, arguments: ["timezone": "UTC"], onProgress: nil).isError != true, "\(command.name)")
            await dual.close()
        }
        #expect(memory.era(of: EraMemory.key(time)) == .handshake && memory.era(of: EraMemory.key(clock)) == .handshake)
    }

    @Test func aServerOfTheHandshakeEraAloneIsOpenedWithInitializeAndRememberedSo() async throws {
        let command = try DiscoverDeadlineTests.handshakeOnlyServer()
        let memory = TestPeers.freshMemory()
        let connection = try await StdioServerConnection.start(command, memory: memory)
        #expect(connection.era == .handshake && connection.protocolVersion == "2025-06-18")
        #expect(try await connection.listTools().isEmpty)
        await connection.close()
        #expect(memory.era(of: EraMemory.key(command)) == .handshake)
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
        // About 2 s alone; the bound is loose for a busy machine, and far below the 60 s default timeout.
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
