/// Reading header values as HTTP writes them: comma-separated items, media types in
/// any case, optional whitespace.
extension StringProtocol {
    /// Whether this comma-separated list (an `Accept` header) names one of `types`.
    func listsMediaType(_ types: StaticString...) -> Bool {
        split(separator: ",").contains { item in types.contains { Substring(item).isMediaType($0) } }
    }

    /// Whether this header item names `type` (lowercase), in any case, parameters aside:
    /// `Application/JSON; charset=utf-8` names `application/json`.
    func isMediaType(_ type: StaticString) -> Bool {
        let item = trimmingASCIISpaces.utf8
        var position = item.startIndex
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
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
