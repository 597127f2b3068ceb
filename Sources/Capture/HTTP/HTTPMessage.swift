import Foundation

/// One HTTP/1.1 request or response read from a stream.
struct HTTPMessage {
    enum StartLine: Equatable {
        case request(method: String, target: String, version: String)
        case response(version: String, status: Int, reason: String)
    }

    /// A header the report shows, its name as sent.
    struct Header {
        var name: String
        var value: String
        var known: HTTPHeaderName
    }

    var start: StartLine
    /// The headers the report shows (``HTTPHeaderName``), in order.
    var headers: [Header]
    /// Where the body's bytes sit in the stream: one run, or one per chunk.
    var bodyRuns: [Range<Int>] = []
    /// Stream offsets of the message's first byte and of the byte after its end.
    var streamRange: Range<Int>
    var firstFrame: Int
    var firstTime: Int64?
    /// The frame that completed the message.
    var lastFrame: Int
    var lastTime: Int64?
    /// False when the stream ended before the body did.
    var isComplete: Bool

    /// The body's length, de-chunked.
    var bodyCount: Int { bodyRuns.reduce(0) { $0 + $1.count } }

    /// The value of the first header of this name.
    func header(_ name: HTTPHeaderName) -> String? {
        headers.first { $0.known == name }?.value
    }

    var isRequest: Bool {
        if case .request = start { return true }
        return false
    }

    /// The media type without parameters, lowercased.
    var mediaType: String? {
        header(.contentType).map { value in
            let type = value.utf8.firstIndex(of: UInt8(ascii: ";")).map { value[..<$0] } ?? value[...]
            // ASCII (as media types are) needs only its spaces and tabs trimmed.
            guard type.utf8.allSatisfy({ $0 < 0x80 }) else { return type.trimmingCharacters(in: .whitespaces).lowercased() }
            let trimmed = type.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            return String(decoding: trimmed.map(HTTPHeaderName.asciiLowercased), as: UTF8.self)
        }
    }

    /// The stream offset of body byte `offset`.
    func streamOffset(ofBody offset: Int) -> Int {
        var bodyOffset = 0
        for run in bodyRuns {
            if offset < bodyOffset + run.count { return run.lowerBound + offset - bodyOffset }
            bodyOffset += run.count
        }
        guard let last = bodyRuns.last else { return streamRange.lowerBound }
        return last.lowerBound + offset - (bodyOffset - last.count)
    }

    /// Calls `body` with the body's bytes: a view of `stream` (the whole stream's
    /// bytes) when one run holds them, a de-chunked copy otherwise.
    func withBody<R>(in stream: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if bodyRuns.count == 1 { return try body(UnsafeRawBufferPointer(rebasing: stream[bodyRuns[0]])) }
        var joined: [UInt8] = []
        joined.reserveCapacity(bodyCount)
        for run in bodyRuns { joined.append(contentsOf: UnsafeRawBufferPointer(rebasing: stream[run])) }
        return try joined.withUnsafeBytes(body)
    }

    var summary: String {
        switch start {
        case .request(let method, let target, let version): return "\(method) \(target) \(version)"
        case .response(let version, let status, let reason): return "\(version) \(status) \(reason)"
        }
    }
}
