/// One event of a `text/event-stream` body.
struct ServerSentEvent: Equatable {
    var event: String?
    var id: String?
    /// The `data:` lines joined with newlines.
    var data: String
    /// Offset in the body of the byte after the event's empty line: when it was whole.
    var endOffset: Int
}

/// Splits an SSE body into events (the WHATWG rules: fields up to the first colon,
/// one optional space after it, an empty line dispatches, comments start with `:`).
enum ServerSentEvents {
    static func events(in body: UnsafeRawBufferPointer) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        var data: [String] = []
        var event: String?
        var id: String?
        var lineStart = 0
        var index = 0
        while index < body.count {
            let byte = body[index]
            guard byte == 10 || byte == 13 else {
                index += 1
                continue
            }
            let line = String(decoding: UnsafeRawBufferPointer(rebasing: body[lineStart..<index]), as: UTF8.self)
            index += (byte == 13 && index + 1 < body.count && body[index + 1] == 10) ? 2 : 1
            lineStart = index
            if line.isEmpty {
                if !data.isEmpty || event != nil {
                    events.append(ServerSentEvent(event: event, id: id, data: data.joined(separator: "\n"), endOffset: index))
                }
                (data, event) = ([], nil)
                continue
            }
            if line.hasPrefix(":") { continue }
            var field = Substring(line)
            var value: Substring = ""
            if let colon = line.firstIndex(of: ":") {
                field = line[..<colon]
                value = line[line.index(after: colon)...]
                if value.hasPrefix(" ") { value = value.dropFirst() }
            }
            switch field {
            case "data": data.append(String(value))
            case "event": event = String(value)
            case "id": id = String(value)
            default: break
            }
        }
        return events
    }
}
