import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, as `self[name]` reads it (repeated fields joined
    /// with commas), without that subscript's generic join for the usual single field:
    /// it looks type metadata up at run time, a cost paid for every header of every request.
    func value(_ name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            guard found == nil else { return self[name] }
            found = field.value
        }
        return found
    }
}

/// Reading header values as HTTP writes them: comma-separated items, media types in
/// any case, optional whitespace. Values are read as bytes, on every request.
extension StringProtocol {
    /// Whether this comma-separated list (an `Accept` header) names one of `types`.
    func listsMediaType(_ types: StaticString...) -> Bool {
        let bytes = utf8
        var itemStart = bytes.startIndex
        while true {
            let itemEnd = bytes[itemStart...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.endIndex
            let item = bytes[itemStart..<itemEnd]
            if types.contains(where: { Self.item(item, names: $0) }) { return true }
            guard itemEnd != bytes.endIndex else { return false }
            itemStart = bytes.index(after: itemEnd)
        }
    }

    /// Whether this header item names `type` (lowercase), in any case, parameters aside:
    /// `Application/JSON; charset=utf-8` names `application/json`.
    func isMediaType(_ type: StaticString) -> Bool {
        Self.item(utf8, names: type)
    }

    /// Whether an item, spaces around it aside, is `type` in any case, followed by its end,
    /// its parameters or spaces.
    private static func item(_ item: some Collection<UInt8>, names type: StaticString) -> Bool {
        var position = item.startIndex
        while position != item.endIndex, item[position] == UInt8(ascii: " ") || item[position] == UInt8(ascii: "\t") {
            position = item.index(after: position)
        }
        for expected in UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount) {
            guard position != item.endIndex else { return false }
            let byte = item[position]
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            guard lowered == expected else { return false }
            position = item.index(after: position)
        }
        guard position != item.endIndex else { return true }
        let next = item[position]
        return next == UInt8(ascii: ";") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
    }

    /// Whether this header name is `name` (lowercase), in any case, as HTTP compares names.
    func isToken(_ name: StaticString) -> Bool {
        let bytes = utf8
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        return zip(bytes, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)).allSatisfy { byte, expected in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 == expected : byte == expected
        }
    }

    /// The value without the spaces and tabs HTTP allows around it.
    var trimmingASCIISpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex
        while start != bytes.endIndex, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start = bytes.index(after: start) }
        // The end of the last byte that is neither, read forward (a UTF-8 view need not go back).
        var end = start
        var position = start
        while position != bytes.endIndex {
            let next = bytes.index(after: position)
            if bytes[position] != UInt8(ascii: " ") && bytes[position] != UInt8(ascii: "\t") { end = next }
            position = next
        }
        return Substring(self)[start..<end]
    }
}
