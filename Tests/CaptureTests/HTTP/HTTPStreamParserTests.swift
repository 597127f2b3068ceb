import Testing

@testable import Capture

/// The byte-level reading of heads and bodies: which headers are kept, how their
/// values are trimmed, where chunks and messages end.
@Suite struct HTTPStreamParserTests {
    let file = MappedFile(copying: [UInt8](repeating: 0, count: 1))

    func messages(_ text: String, requestMethods: [String] = []) -> (messages: [HTTPMessage], stop: HTTPStreamParser.Stop?) {
        let bytes = Array(text.utf8)
        var stream = StreamBytes(file: file.bytes)
        stream.append(owned: bytes, frame: 1, time: nil)
        return stream.withContiguousBytes { HTTPStreamParser.messages(in: $0, stream: stream, requestMethods: requestMethods) }
    }

    @Test func headersThatMatterAreKeptInAnyCaseAndTrimmed() throws {
        let read = messages("POST /mcp HTTP/1.1\r\nX-Other: 1\r\ncOnTeNt-TyPe:\t application/json ; charset=utf-8 \r\nno colon here\r\n"
            + "MCP-Protocol-Version:2025-11-25\r\nAuthorization:  Bearer abc\r\nContent-Length: 2\r\n\r\n{}")
        let message = try #require(read.messages.first)
        #expect(read.stop == nil)
        #expect(message.headers.map(\.name) == ["cOnTeNt-TyPe", "MCP-Protocol-Version", "Authorization", "Content-Length"])
        #expect(message.headers.map(\.value) == ["application/json ; charset=utf-8", "2025-11-25", "Bearer abc", "2"])
        #expect(message.header(.contentType) == "application/json ; charset=utf-8")
        #expect(message.mediaType == "application/json")
        #expect(message.bodyRuns == [message.streamRange.upperBound - 2..<message.streamRange.upperBound])
    }

    @Test func unicodeSpacesAroundAValueAreTrimmedAsText() throws {
        let message = try #require(messages("GET / HTTP/1.1\r\nHost: \u{00A0}example\u{2003}\r\n\r\n").messages.first)
        #expect(message.header(.host) == "example")
    }

    @Test func chunksAreRunsOfTheStream() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: Text/Event-Stream\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\n\r\n"
        let read = messages(text)
        #expect(read.stop == nil)
        #expect(read.messages.count == 2)
        let message = try #require(read.messages.first)
        #expect(message.mediaType == "text/event-stream")
        #expect(message.bodyCount == 5)
        let body = Array(text.utf8).withUnsafeBytes { bytes in message.withBody(in: bytes) { Array($0) } }
        #expect(String(decoding: body, as: UTF8.self) == "abcde")
        #expect(message.streamOffset(ofBody: 3) == message.bodyRuns[1].lowerBound)
    }

    @Test func anInterimAnswerDoesNotTakeTheNextRequestsPlace() throws {
        // The answer to POST comes after a 100 Continue; the answer to HEAD has no body
        // whatever its Content-Length says.
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
            + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
        let read = messages(text, requestMethods: ["POST", "HEAD"])
        #expect(read.stop == nil)
        #expect(read.messages.count == 3)
        #expect(read.messages.map(\.bodyCount) == [0, 2, 0])
    }

    @Test func aHeadCutShortStops() {
        let read = messages("POST /mcp HTTP/1.1\r\nContent-Length: 10\r\n")
        #expect(read.messages.isEmpty)
        #expect(read.stop?.reason == "the stream ends inside a header")
        let body = messages("POST /mcp HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}")
        #expect(body.messages.first?.isComplete == false)
        #expect(body.stop?.reason == "the stream ends inside a body")
    }

    @Test func searchingFindsPatternsBeforeTheLimit() {
        Array("ab\r\r\nc\r\n\r\n".utf8).withUnsafeBytes { bytes in
            #expect(HTTPStreamParser.firstIndex(of: "\r\n", in: bytes, from: 0) == 3)
            #expect(HTTPStreamParser.firstIndex(of: "\r\n\r\n", in: bytes, from: 0) == 6)
            #expect(HTTPStreamParser.firstIndex(of: "\r\n\r\n", in: bytes, from: 0, limit: 9) == nil)
            #expect(HTTPStreamParser.firstIndex(of: "\r\n", in: bytes, from: 9) == nil)
        }
    }
}
