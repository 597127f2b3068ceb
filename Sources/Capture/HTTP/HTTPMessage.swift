import Foundation

/// One HTTP/1.1 request or response read from a stream.
struct HTTPMessage {
    enum StartLine: Equatable {
        case request(method: String, target: String, version: String)
        case response(version: String, status: Int, reason: String)
    }

    var start: StartLine
    /// In order, names as sent.
    var headers: [(name: String, value: String)]
    /// The body, de-chunked; a copy only of what is read as JSON or SSE.
    var body: [UInt8]
    /// For each byte of ``body``, where it sits in the stream is found through these
    /// runs (body offset, stream offset), one per chunk.
    var bodyRuns: [(bodyOffset: Int, streamOffset: Int)]
    /// Stream offsets of the message's first byte and of the byte after its end.
    var streamRange: Range<Int>
    var firstFrame: Int
    var firstTime: Int64?
    /// The frame that completed the message.
    var lastFrame: Int
    var lastTime: Int64?
    /// False when the stream ended before the body did.
    var isComplete: Bool

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var isRequest: Bool {
        if case .request = start { return true }
        return false
    }

    /// The media type without parameters, lowercased.
    var mediaType: String? {
        header("Content-Type").map { $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "" }
    }

    /// The stream offset of body byte `offset`.
    func streamOffset(ofBody offset: Int) -> Int {
        guard let run = bodyRuns.last(where: { $0.bodyOffset <= offset }) else { return streamRange.lowerBound }
        return run.streamOffset + offset - run.bodyOffset
    }

    var summary: String {
        switch start {
        case .request(let method, let target, let version): return "\(method) \(target) \(version)"
        case .response(let version, let status, let reason): return "\(version) \(status) \(reason)"
        }
    }
}
