/// Reads Server-Sent Events from bytes as they arrive, by the WHATWG rules: lines end
/// with CR, LF or CRLF (also split between two reads); a field runs to the first colon,
/// with one optional space after it; a blank line dispatches the event gathered, if it
/// has data; comments (`:`) and unknown fields are skipped; the last `id` stays.
/// The host reads its servers' and models' streams with it, the capture reader the
/// streams it finds in a capture.
package struct ServerSentEvents: Sendable {
    /// One event.
    package struct Event: Sendable, Equatable {
        package var event: String?
        package var id: String?
        /// The `data:` lines joined with newlines.
        package var data: String
        /// How many bytes had been read when the event ended (its blank line included).
        package var endOffset: Int
    }

    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var event: String?
    private var id: String?
    private var lastWasCR = false
    private var consumed = 0

    package init() {}

    /// Reads more bytes; returns the events they complete.
    package mutating func read(_ bytes: some Collection<UInt8>) -> [Event] {
        if let events = bytes.withContiguousStorageIfAvailable({ read(UnsafeRawBufferPointer($0)) }) { return events }
        return Array(bytes).withUnsafeBytes { read($0) }
    }

    /// Reads more bytes; returns the events they complete. Not generic, so that a caller
    /// in another module runs it specialized: a capture's event streams go through it.
    package mutating func read(_ bytes: UnsafeRawBufferPointer) -> [Event] {
        var events: [Event] = []
        var lineStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") else { continue }
            defer { lineStart = index + 1 }
            // The LF of a CRLF ends nothing more.
            if byte == UInt8(ascii: "\n"), lastWasCR, lineStart == index, line.isEmpty {
                lastWasCR = false
                continue
            }
            line.append(contentsOf: bytes[lineStart..<index])
            if let event = endLine(at: consumed + index + 1) { events.append(event) }
            lastWasCR = byte == UInt8(ascii: "\r")
        }
        if lineStart < bytes.count {
            line.append(contentsOf: bytes[lineStart...])
            lastWasCR = false
        }
        consumed += bytes.count
        return events
    }

    /// Ends a line; a blank one dispatches the event gathered so far.
    private mutating func endLine(at offset: Int) -> Event? {
        defer { line.removeAll(keepingCapacity: true) }
        guard !line.isEmpty else {
            defer {
                (data, hasData, event) = ([], false, nil)
            }
            guard hasData else { return nil }
            return Event(event: event, id: id, data: String(decoding: data, as: UTF8.self), endOffset: offset)
        }
        guard line[0] != UInt8(ascii: ":") else { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        var value = line[colon...].dropFirst()
        if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        switch line[..<colon] {
        case Self.dataField:
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            hasData = true
        case Self.eventField: event = String(decoding: value, as: UTF8.self)
        case Self.idField: id = String(decoding: value, as: UTF8.self)
        default: break
        }
        return nil
    }

    private static let dataField = Array("data".utf8)[...]
    private static let eventField = Array("event".utf8)[...]
    private static let idField = Array("id".utf8)[...]
}
