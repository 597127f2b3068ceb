import Foundation

/// Reads one direction of an HTTP/1.1 connection as a sequence of messages: start
/// line and headers up to the empty line, then a body framed by Content-Length,
/// chunked transfer coding, or (for a response with neither) the end of the stream,
/// as an SSE stream is.
enum HTTPStreamParser {
    /// Why reading stopped early, if it did.
    struct Stop: Equatable {
        var offset: Int
        var reason: String
    }

    static let maximumHeader = 64 * 1024
    private static let headerEnd: [UInt8] = [13, 10, 13, 10]
    private static let lineEnd: [UInt8] = [13, 10]

    /// Whether a stream starts like an HTTP/1.x request or response.
    static func looksLikeHTTP(_ stream: StreamBytes) -> Bool {
        let prefix = String(decoding: stream.copy(0..<min(stream.count, 8)), as: UTF8.self)
        return ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "HTTP/1."].contains { prefix.hasPrefix($0) }
    }

    /// - Parameter requestMethods: for responses, the methods of the requests they
    ///   answer, in order (a response to HEAD has no body).
    static func messages(in stream: StreamBytes, requestMethods: [String] = []) -> (messages: [HTTPMessage], stop: Stop?) {
        var messages: [HTTPMessage] = []
        var offset = 0
        var responses = 0
        while offset < stream.count {
            guard let end = stream.firstIndex(of: headerEnd, from: offset, limit: offset + maximumHeader) else {
                let complete = stream.count - offset >= maximumHeader
                return (messages, Stop(offset: offset, reason: complete ? "a header longer than 64 KiB" : "the stream ends inside a header"))
            }
            let headText = String(decoding: stream.copy(offset..<end), as: UTF8.self)
            var lines = headText.components(separatedBy: "\r\n")
            let startText = lines.removeFirst()
            guard let start = startLine(startText) else {
                return (messages, Stop(offset: offset, reason: "not an HTTP/1.1 start line: \(startText.prefix(40))"))
            }
            var headers: [(name: String, value: String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            let bodyStart = end + 4
            let first = stream.frame(at: offset)
            var message = HTTPMessage(
                start: start, headers: headers, body: [], bodyRuns: [], streamRange: offset..<bodyStart,
                firstFrame: first.number, firstTime: first.time, lastFrame: 0, lastTime: nil, isComplete: true)
            let bodyless = isBodyless(start, requestMethod: responses < requestMethods.count ? requestMethods[responses] : nil)
            if !message.isRequest { responses += 1 }
            let chunked = message.header("Transfer-Encoding")?.lowercased().contains("chunked") == true
            var next: Int
            if bodyless {
                next = bodyStart
            } else if chunked {
                next = dechunk(stream, from: bodyStart, into: &message)
            } else if let lengthText = message.header("Content-Length"), let length = Int(lengthText), length >= 0 {
                let available = min(length, stream.count - bodyStart)
                message.body = stream.copy(bodyStart..<(bodyStart + available))
                message.bodyRuns = [(0, bodyStart)]
                message.isComplete = available == length
                next = bodyStart + available
            } else if message.isRequest {
                next = bodyStart
            } else {
                // Read until the connection closes (SSE streams do this).
                message.body = stream.copy(bodyStart..<stream.count)
                message.bodyRuns = [(0, bodyStart)]
                next = stream.count
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

    private static func startLine(_ text: String) -> HTTPMessage.StartLine? {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
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

    /// Reads chunks into the body; returns where the message ends.
    private static func dechunk(_ stream: StreamBytes, from start: Int, into message: inout HTTPMessage) -> Int {
        var position = start
        while true {
            guard let lineEndAt = stream.firstIndex(of: lineEnd, from: position, limit: position + 1024) else {
                message.isComplete = false
                return stream.count
            }
            let sizeText = String(decoding: stream.copy(position..<lineEndAt), as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "", radix: 16), size >= 0 else {
                message.isComplete = false
                return stream.count
            }
            let dataStart = lineEndAt + 2
            if size == 0 {
                // Trailers, if any, end with an empty line.
                guard let end = stream.firstIndex(of: lineEnd, from: dataStart, limit: dataStart + maximumHeader) else {
                    message.isComplete = false
                    return stream.count
                }
                if end == dataStart { return end + 2 }
                guard let trailersEnd = stream.firstIndex(of: headerEnd, from: dataStart) else {
                    message.isComplete = false
                    return stream.count
                }
                return trailersEnd + 4
            }
            let available = min(size, stream.count - dataStart)
            message.bodyRuns.append((message.body.count, dataStart))
            message.body += stream.copy(dataStart..<(dataStart + available))
            guard available == size, stream.count - (dataStart + size) >= 2 else {
                message.isComplete = false
                return stream.count
            }
            position = dataStart + size + 2
        }
    }
}
