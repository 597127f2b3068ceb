import AsyncHTTPClient
import Foundation
import MCP
import NIOCore
import Synchronization
import Testing

@testable import Host

@Suite struct ServerSentEventsTests {
    @Test func eventsEndAtBlankLinesWhateverTheLineEnds() {
        var events = ServerSentEvents()
        let text = ": comment\r\nevent: message\r\ndata: {\"a\":1}\r\n\r\ndata: one\ndata:two\n\nid: 3\rdata: three\r\r"
        #expect(events.read(Array(text.utf8)) == [#"{"a":1}"#, "one\ntwo", "three"])
    }

    @Test func anEventSplitAcrossChunksIsWholeOnceItEnds() {
        var events = ServerSentEvents()
        #expect(events.read(Array("da".utf8)).isEmpty)
        #expect(events.read(Array("ta: hel".utf8)).isEmpty)
        #expect(events.read(Array("lo\r".utf8)).isEmpty)
        #expect(events.read(Array("\n\r\n".utf8)) == ["hello"])
        #expect(events.read(Array("datafield: x\n\n".utf8)).isEmpty)
    }

    @Test func anSSEAnswerPassesProgressOnAndEndsWithTheAnswer() async throws {
        let stream = [
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"s-4","progress":1,"total":2,"message":"half"}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"other","progress":9}}"#,
            #"{"jsonrpc":"2.0","id":3,"result":{"stale":true}}"#,
            #"{"jsonrpc":"2.0","id":4,"result":{"ok":true}}"#,
        ].map { "event: message\ndata: \($0)\n\n" }.joined()
        let seen = Mutex<[CallProgress]>([])
        let answer = try await HTTPServerConnection.answer(
            fromEvents: .bytes(ByteBuffer(string: stream)), id: 4, token: "s-4", onProgress: { progress in seen.withLock { $0.append(progress) } },
            server: "test")
        #expect(answer.objectValue?["result"]?.objectValue?["ok"] == .bool(true))
        #expect(seen.withLock { $0 } == [CallProgress(progress: 1, total: 2, message: "half")])
        await #expect(throws: ConnectionError.self) {
            _ = try await HTTPServerConnection.answer(fromEvents: .bytes(ByteBuffer(string: "data: {}\n\n")), id: 1, token: "t", onProgress: nil, server: "test")
        }
    }
}
