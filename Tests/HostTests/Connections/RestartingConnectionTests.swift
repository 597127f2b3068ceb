import Foundation
import MCP
import Synchronization
import Testing

@testable import Host

/// A server that stops is started again once; only a read-only call is sent again.
@Suite struct RestartingConnectionTests {
    /// A handshake-era stdio server in sh: it refuses `server/discover` (and notes, in
    /// MARKER.openings, whether a run opened with it or with `initialize`); its first run
    /// stops at the first request after the handshake; later runs answer `tools/list`
    /// with one read-only tool and every call with "done".
    static func dyingServer() throws -> (command: ServerCommand, marker: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-dying-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("server.sh").path
        let marker = folder.appendingPathComponent("ran-once").path
        let text = #"""
            read line
            case "$line" in
              *server/discover*)
                echo discover >> "$1.openings"
                printf '%s\n' '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found: server/discover"}}'
                read line ;;
              *) echo initialize >> "$1.openings" ;;
            esac
            id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
            printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"dying","version":"1"}}}\n' "$id"
            read initialized
            if [ ! -f "$1" ]; then touch "$1"; read request; echo "going away" >&2; exit 3; fi
            while read request; do
              id=$(printf '%s' "$request" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
              case "$request" in
                *tools/list*) printf '{"jsonrpc":"2.0","id":%s,"result":{"tools":[{"name":"look","inputSchema":{"type":"object"},"annotations":{"readOnlyHint":true}},{"name":"change","inputSchema":{"type":"object"}}]}}\n' "$id" ;;
                *) printf '{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":"done"}]}}\n' "$id" ;;
              esac
            done
            """#
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        return (ServerCommand(name: "dying", executable: "/bin/sh", arguments: [script, marker]), marker)
    }

    @Test(.timeLimit(.minutes(1))) func aReadOnlyRequestIsSentAgainAfterOneRestart() async throws {
        let (command, marker) = try Self.dyingServer()
        let told = Mutex<[String]>([])
        let connection = try await RestartingConnection.start(command, timeout: .seconds(10), memory: EraMemory(file: nil)) { message in
            told.withLock { $0.append(message) }
        }
        let tools = try await connection.listTools()
        #expect(tools.map(\.name) == ["look", "change"])
        #expect(told.withLock { $0 }.count == 1)
        #expect(told.withLock { $0 }.first?.contains("going away") == true)
        let result = try await connection.callTool("look", arguments: [:], onProgress: nil)
        #expect(result.isError != true)
        #expect(connection.era == .handshake && connection.protocolVersion == "2025-11-25")
        // The first run was probed; the restarted one, known to be of the handshake era, was not.
        #expect(try String(contentsOfFile: marker + ".openings", encoding: .utf8) == "discover\ninitialize\n")
        await connection.close()
    }

    @Test(.timeLimit(.minutes(1))) func aChangeIsNotSentAgainAndASecondStopIsFinal() async throws {
        let (command, _) = try Self.dyingServer()
        let told = Mutex<[String]>([])
        let connection = try await RestartingConnection.start(command, timeout: .seconds(10), memory: EraMemory(file: nil)) { message in
            told.withLock { $0.append(message) }
        }
        await #expect(throws: RestartError(server: "dying", tool: "change")) {
            _ = try await connection.callTool("change", arguments: [:], onProgress: nil)
        }
        #expect(told.withLock { $0 }.count == 1)
        // The restarted server works; the first one's call was not repeated.
        #expect(try await connection.callTool("change", arguments: [:], onProgress: nil).isError != true)
        await connection.close()
    }
}
