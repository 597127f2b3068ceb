import Foundation

/// Reads one direction of an HTTP/1.1 connection as a sequence of messages: start
/// line and headers up to the empty line, then a body framed by Content-Length,
/// chunked transfer coding, or (for a response with neither) the end of the stream,
/// as an SSE stream is.
///
/// It reads the stream's bytes in place: the end of a head is found with `memmem`,
/// header names are compared as bytes, and only the start line and the headers the
/// report keeps become strings. Bodies stay where they are, as runs of the stream.
enum HTTPStreamParser {
    /// Why reading stopped early, if it did.
    struct Stop: Equatable {
        var offset: Int
        var reason: String
    }

    static let maximumHeader = 64 * 1024
    private static let headerEnd: StaticString = "\r\n\r\n"
    private static let lineEnd: StaticString = "\r\n"
    private static let starts: [[UInt8]] = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "HTTP/1."].map { Array($0.utf8) }

    /// Whether a stream starts like an HTTP/1.x request or response.
    static func looksLikeHTTP(_ stream: StreamBytes) -> Bool {
        let prefix = stream.copy(0..<min(stream.count, 8))
        return starts.contains { prefix.starts(with: $0) }
    }

    /// - Parameters:
    ///   - bytes: the whole stream, contiguous (``StreamBytes/withContiguousBytes(_:)``).
    ///   - requestMethods: for responses, the methods of the requests they answer, in
    ///     order (a response to HEAD has no body).
    static func messages(in bytes: UnsafeRawBufferPointer, stream: StreamBytes, requestMethods: [String] = []) -> (messages: [HTTPMessage], stop: Stop?) {
        var messages: [HTTPMessage] = []
        var offset = 0
        var responses = 0
        while offset < bytes.count {
            guard let end = firstIndex(of: headerEnd, in: bytes, from: offset, limit: offset + maximumHeader) else {
                let complete = bytes.count - offset >= maximumHeader
                return (messages, Stop(offset: offset, reason: complete ? "a header longer than 64 KiB" : "the stream ends inside a header"))
            }
            let startEnd = firstIndex(of: lineEnd, in: bytes, from: offset, limit: end) ?? end
            let startText = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<startEnd]), as: UTF8.self)
            guard let start = startLine(startText) else {
                return (messages, Stop(offset: offset, reason: "not an HTTP/1.1 start line: \(startText.prefix(40))"))
            }
            let bodyStart = end + 4
            let first = stream.frame(at: offset)
            var message = HTTPMessage(
                start: start, headers: keptHeaders(in: bytes, from: startEnd, to: end), streamRange: offset..<bodyStart,
                firstFrame: first.number, firstTime: first.time, lastFrame: 0, lastTime: nil, isComplete: true)
            let bodyless = isBodyless(start, requestMethod: responses < requestMethods.count ? requestMethods[responses] : nil)
            // An interim answer (100 Continue, 103 Early Hints) comes before the request's
            // own answer, which is the one that counts.
            if case .response(_, let status, _) = start, !(100..<200).contains(status) { responses += 1 }
            let chunked = message.header(.transferEncoding)?.lowercased().contains("chunked") == true
            var next: Int
            if bodyless {
                next = bodyStart
            } else if chunked {
                next = dechunk(bytes, from: bodyStart, into: &message)
            } else if let lengthText = message.header(.contentLength), let length = Int(lengthText), length >= 0 {
                let available = min(length, bytes.count - bodyStart)
                message.bodyRuns = [bodyStart..<(bodyStart + available)]
                message.isComplete = available == length
                next = bodyStart + available
            } else if message.isRequest {
                next = bodyStart
            } else {
                // Read until the connection closes (SSE streams do this).
                message.bodyRuns = [bodyStart..<bytes.count]
                next = bytes.count
            }
            message.streamRange = offset..<next
            let last = stream.frame(at: next - 1)
            (message.lastFrame, message.lastTime) = (last.number, last.time)
            messages.append(message)
            guard message.isComplete else { return (messages, Stop(offset: next, reason: "the stream ends inside a body")) }
            offset = next
        }
        return (messages, nil)
    }

    // MARK: - Heads

    /// The header lines between `from` (the CRLF ending the start line) and `to` (the
    /// empty line) that the report keeps; a line without a colon is skipped.
    static func keptHeaders(in bytes: UnsafeRawBufferPointer, from: Int, to end: Int) -> [HTTPMessage.Header] {
        var headers: [HTTPMessage.Header] = []
        var lineStart = from + 2
        while lineStart < end {
            let lineEndAt = firstIndex(of: lineEnd, in: bytes, from: lineStart, limit: end) ?? end
            let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEndAt])
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
                if let known = HTTPHeaderName(name) {
                    headers.append(HTTPMessage.Header(
                        name: String(decoding: name, as: UTF8.self), value: trimmedValue(line[(colon + 1)...]), known: known))
                }
            }
            lineStart = lineEndAt + 2
        }
        return headers
    }

    /// A header value without the spaces around it. Spaces and tabs are trimmed as
    /// bytes; a value that starts or ends with other bytes than ASCII is trimmed as
    /// text, for the Unicode spaces.
    private static func trimmedValue(_ value: Slice<UnsafeRawBufferPointer>) -> String {
        var low = value.startIndex
        var high = value.endIndex
        while low < high, value[low] == 0x20 || value[low] == 0x09 { low += 1 }
        while high > low, value[high - 1] == 0x20 || value[high - 1] == 0x09 { high -= 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: value[low..<high]), as: UTF8.self)
        guard low < high, value[low] >= 0x80 || value[high - 1] >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func startLine(_ text: String) -> HTTPMessage.StartLine? {
        let parts = text.split(separator: " " as Character, maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        if parts[0].hasPrefix("HTTP/") {
            guard let status = Int(parts[1]) else { return nil }
            return .response(version: parts[0], status: status, reason: parts.count > 2 ? parts[2] : "")
        }
        guard parts.count == 3, parts[2].hasPrefix("HTTP/"), parts[0].allSatisfy({ $0.isUppercase || $0 == "-" }) else { return nil }
        return .request(method: parts[0], target: parts[1], version: parts[2])
    }

    private static func isBodyless(_ start: HTTPMessage.StartLine, requestMethod: String?) -> Bool {
        guard case .response(_, let status, _) = start else { return false }
        return (100..<200).contains(status) || status == 204 || status == 304 || requestMethod == "HEAD"
    }

    // MARK: - Bodies

    /// Notes the chunks as the body's runs; returns where the message ends.
    private static func dechunk(_ bytes: UnsafeRawBufferPointer, from start: Int, into message: inout HTTPMessage) -> Int {
        var position = start
        while true {
            guard let lineEndAt = firstIndex(of: lineEnd, in: bytes, from: position, limit: position + 1024) else {
                message.isComplete = false
                return bytes.count
            }
            let sizeText = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<lineEndAt]), as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "", radix: 16), size >= 0 else {
                message.isComplete = false
                return bytes.count
            }
            let dataStart = lineEndAt + 2
            if size == 0 {
                // Trailers, if any, end with an empty line.
                guard let end = firstIndex(of: lineEnd, in: bytes, from: dataStart, limit: dataStart + maximumHeader) else {
                    message.isComplete = false
                    return bytes.count
                }
                if end == dataStart { return end + 2 }
                guard let trailersEnd = firstIndex(of: headerEnd, in: bytes, from: dataStart) else {
                    message.isComplete = false
                    return bytes.count
                }
                return trailersEnd + 4
            }
            let available = min(size, bytes.count - dataStart)
            message.bodyRuns.append(dataStart..<(dataStart + available))
            guard available == size, bytes.count - (dataStart + size) >= 2 else {
                message.isComplete = false
                return bytes.count
            }
            position = dataStart + size + 2
        }
    }

    // MARK: - Searching

    /// The first offset at or after `from` where `pattern` starts and ends before
    /// `limit` (or the end of the bytes): `memchr` finds each candidate first byte.
    static func firstIndex(of pattern: StaticString, in bytes: UnsafeRawBufferPointer, from: Int, limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        let count = pattern.utf8CodeUnitCount
        guard from >= 0, count > 0, end - from >= count, let base = bytes.baseAddress else { return nil }
        let last = end - count
        var position = from
        while position <= last {
            guard let found = memchr(base + position, Int32(pattern.utf8Start.pointee), last + 1 - position) else { return nil }
            position = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + position, pattern.utf8Start, count) == 0 { return position }
            position += 1
        }
        return nil
    }
}
