import Foundation
import MCP
import Testing

@testable import Host

@Suite struct TraceTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("setlist-trace-\(UUID().uuidString).jsonl").path
    }

    @Test func secretsAreMaskedWhereverTheyAre() {
        let message: Value = [
            "params": ["name": "auth_complete", "arguments": ["redirect_url": "http://127.0.0.1/cb?code=abc", "note": "keep"]],
            "result": ["tokens": [["access_token": "sbx-at-1", "Authorization": "Bearer x"]]],
        ]
        let masked = JSONWriterText(Trace.masked(message))
        #expect(!masked.contains("code=abc") && !masked.contains("sbx-at-1") && !masked.contains("Bearer x"))
        #expect(masked.contains("keep") && masked.contains("auth_complete"))
    }

    @Test func aTraceIsPrivateAndReadsBackAsATimeline() throws {
        let path = temporaryPath()
        let trace = try Trace(path: path)
        trace.record(.sent, server: "spotify", message: Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami"}}"#.utf8))
        trace.record(.received, server: "spotify", message: Data(#"{"jsonrpc":"2.0","method":"notifications/progress","params":{}}"#.utf8))
        trace.record(.received, server: "spotify", message: Data(#"{"jsonrpc":"2.0","id":1,"result":{"isError":true}}"#.utf8))
        trace.record(.received, server: "files", message: Data("not json".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let timeline = TraceTimeline(jsonLines: try String(contentsOfFile: path, encoding: .utf8) + "\ngarbage\n")
        #expect(timeline.lines.map(\.text) == ["→ tools/call whoami", "← notifications/progress", "← error: tools/call whoami"])
        #expect(timeline.lines[0].latency != nil)
        #expect(timeline.unreadable == 2)
        #expect(timeline.text.contains("ms)"))
    }

    @Test func aTraceThatCannotBeWrittenSaysWhere() {
        #expect(throws: TraceError.self) { try Trace(path: "/nonexistent/folder/trace.jsonl") }
    }

    func JSONWriterText(_ value: Value) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
