import Testing

@testable import ServerKit

/// Server-Sent Events read as bytes arrive, whatever the line ends and wherever a read stops.
@Suite struct ServerSentEventsTests {
    @Test func eventsEndAtBlankLinesWhateverTheLineEnds() {
        var events = ServerSentEvents()
        let text = ": comment\r\nevent: message\r\ndata: {\"a\":1}\r\n\r\ndata: one\ndata:two\n\nid: 3\rdata: three\r\r"
        #expect(events.read(Array(text.utf8)).map(\.data) == [#"{"a":1}"#, "one\ntwo", "three"])
    }

    @Test func anEventSplitAcrossChunksIsWholeOnceItEnds() {
        var events = ServerSentEvents()
        #expect(events.read(Array("da".utf8)).isEmpty)
        #expect(events.read(Array("ta: hel".utf8)).isEmpty)
        #expect(events.read(Array("lo\r".utf8)).isEmpty)
        #expect(events.read(Array("\n\r\n".utf8)).map(\.data) == ["hello"])
        #expect(events.read(Array("datafield: x\n\n".utf8)).isEmpty)
    }

    @Test func fieldsNamesAndIdsAreKeptTheIdAcrossEvents() {
        var events = ServerSentEvents()
        let text = "id: 7\r\nevent: message\r\ndata: a\r\ndata:b\r\n\r\n: comment\n\nevent: alone\n\ndata\n\n"
        let read = events.read(Array(text.utf8))
        // An event without data is not dispatched; a bare "data" line is empty data.
        #expect(read.map(\.data) == ["a\nb", ""])
        #expect(read.map(\.event) == ["message", nil])
        #expect(read.map(\.id) == ["7", "7"])
    }

    @Test func eachEventSaysWhereItEnded() {
        var events = ServerSentEvents()
        let first = events.read(Array("data: x\n\nda".utf8))
        let second = events.read(Array("ta: y\n\n".utf8))
        #expect(first.map(\.endOffset) == [9])
        #expect(second.map(\.endOffset) == [18])
    }
}
