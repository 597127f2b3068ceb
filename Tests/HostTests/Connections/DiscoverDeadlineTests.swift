import Foundation
import Testing

@testable import Host

/// A stdio server of the handshake era may never answer `server/discover`: the probe
/// has a deadline of its own, shorter than a request's.
@Suite struct DiscoverDeadlineTests {
    /// A handshake-era stdio server in sh that answers `initialize` and `tools/list`
    /// and says nothing at all to any other message.
    static func silentServer() throws -> ServerCommand {
        try handshakeOnlyServer(answeringOthers: false)
    }

    /// The same server, which answers any other request with `Method not found` when
    /// `answeringOthers`, as a server of the handshake era alone does.
    static func handshakeOnlyServer(answeringOthers: Bool = true) throws -> ServerCommand {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-handshake-\(UUID().uuidString).sh").path
        let others = answeringOthers ? #"printf '{"jsonrpc":"2.0","id":%s,"error":{"code":-32601,"message":"Method not found"}}\n' "$id""# : ":"
        let text = #"""
            while read line; do
              id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
              case "$line" in
                *'"initialize"'*) printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"silent","version":"1"}}}\n' "$id" ;;
                *'"tools/list"'*) printf '{"jsonrpc":"2.0","id":%s,"result":{"tools":[]}}\n' "$id" ;;
                *'"id":'*) \#(others) ;;
              esac
            done
            """#
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        return ServerCommand(name: answeringOthers ? "handshake" : "silent", executable: "/bin/sh", arguments: [script])
    }

    @Test(.timeLimit(.minutes(1))) func aServerThatNeverAnswersTheProbeIsOpenedWithTheHandshakeSoon() async throws {
        let started = ContinuousClock.now
        let connection = try await StdioServerConnection.start(try Self.silentServer(), timeout: .seconds(60), memory: EraMemory(file: nil))
        let waited = ContinuousClock.now - started
        #expect(connection.era == .handshake && connection.protocolVersion == "2025-06-18")
        // Far from the 60 s the request timeout would have cost, whatever the machine's load.
        #expect(waited >= EraProbe.stdioDiscoverDeadline && waited < .seconds(40), "waited \(waited)")
        #expect(try await connection.listTools().isEmpty)
        await connection.close()
    }

    @Test(.timeLimit(.minutes(1))) func aShorterRequestTimeoutBoundsTheProbeToo() async throws {
        let started = ContinuousClock.now
        let connection = try await StdioServerConnection.start(try Self.silentServer(), timeout: .seconds(2), memory: EraMemory(file: nil))
        #expect(ContinuousClock.now - started < EraProbe.stdioDiscoverDeadline)
        #expect(connection.era == .handshake)
        await connection.close()
    }
}
