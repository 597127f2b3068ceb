import ServerKit

/// The one-line summary of a message's params or result: the value as ServerKit's
/// `JSONWriter` writes it (compact, member names sorted), with secret members masked
/// as ``SecretMasking`` masks them, clipped to 200 characters.
///
/// It writes from the JSON text (already checked by ``RPCScanner``) and stops once it
/// has written enough to clip: a long result costs what its first lines cost.
struct RPCSummary {
    static let maximumCharacters = 200

    private let text: JSONText
    private let masksSecrets: Bool
    private let limit: Int
    private var output: [UInt8] = []
    /// Set when writing stopped at `limit`.
    private var clipped = false

    private init(_ bytes: UnsafeRawBufferPointer, masksSecrets: Bool, limit: Int) {
        text = JSONText(bytes: bytes)
        self.masksSecrets = masksSecrets
        self.limit = limit
        output.reserveCapacity(min(limit, 512) + 64)
    }

    /// The summary of the value at `range` of `bytes`.
    static func text(of range: Range<Int>, in bytes: UnsafeRawBufferPointer, masksSecrets: Bool) -> String {
        // Enough bytes for 200 ASCII characters; more only for text that needs them.
        var limit = maximumCharacters + 56
        while true {
            var summary = RPCSummary(bytes, masksSecrets: masksSecrets, limit: limit)
            summary.write(at: range.lowerBound)
            if summary.output.allSatisfy({ $0 < 0x80 }) {
                // ASCII JSON (its line breaks escaped) has a character per byte: nothing to count.
                let cut = summary.output.count > maximumCharacters
                return String(decoding: summary.output.prefix(maximumCharacters), as: UTF8.self) + (cut ? "…" : "")
            }
            let written = String(decoding: summary.output, as: UTF8.self)
            // Past two more characters, the last one cut cannot change the first 200.
            if !summary.clipped || written.count > maximumCharacters + 2 { return clip(written) }
            limit *= 4
        }
    }

    /// `text` cut to 200 characters, with an ellipsis when cut.
    static func clip(_ text: String) -> String {
        text.count > maximumCharacters ? String(text.prefix(maximumCharacters)) + "…" : text
    }

    // MARK: - Writing

    /// Writes the value at `start`; returns the offset after it in the text.
    @discardableResult
    private mutating func write(at start: Int) -> Int {
        // Past the limit nothing more is written, nor read: the summary is clipped.
        guard output.count <= limit else {
            clipped = true
            return start
        }
        switch text.bytes[start] {
        case UInt8(ascii: "{"): return writeObject(at: start)
        case UInt8(ascii: "["): return writeArray(at: start)
        case UInt8(ascii: "\""):
            let end = text.end(ofStringAt: start)
            if text.isRaw(start..<end) {
                // Checked text without escapes holds nothing JSON must escape. Of a long
                // string, what fits before the limit is enough.
                let room = limit + 64 - output.count
                if end - start > room {
                    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text.bytes[start..<(start + room)]))
                    clipped = true
                    return end
                }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text.bytes[start..<end]))
            } else {
                // Of a long string, what fits before the limit is enough here too.
                if !text.writeString(start..<end, into: &output, limit: limit + 64) { clipped = true }
            }
            return end
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let end = text.end(ofScalarAt: start)
            text.writeNumber(start..<end, into: &output)
            return end
        default:
            let end = text.end(ofScalarAt: start)
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: text.bytes[start..<end]))
            return end
        }
    }

    private mutating func writeArray(at start: Int) -> Int {
        output.append(UInt8(ascii: "["))
        var index = skipWhitespace(from: start + 1)
        var first = true
        while text.bytes[index] != UInt8(ascii: "]") {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            index = write(at: index)
            if clipped { return index }
            index = skipWhitespace(from: index)
            if text.bytes[index] == UInt8(ascii: ",") { index = skipWhitespace(from: index + 1) }
        }
        output.append(UInt8(ascii: "]"))
        return index + 1
    }

    /// Members in name order, as a dictionary keeps them: a repeated name keeps its
    /// first spelling and its last value.
    private mutating func writeObject(at start: Int) -> Int {
        var names: [(name: Range<Int>, value: Int)] = []
        var index = skipWhitespace(from: start + 1)
        while text.bytes[index] != UInt8(ascii: "}") {
            let nameEnd = text.end(ofStringAt: index)
            let value = skipWhitespace(from: skipWhitespace(from: nameEnd) + 1)
            names.append((index..<nameEnd, value))
            index = skipWhitespace(from: text.end(ofValueAt: value))
            if text.bytes[index] == UInt8(ascii: ",") { index = skipWhitespace(from: index + 1) }
        }
        output.append(UInt8(ascii: "{"))
        if names.count <= 16, names.allSatisfy({ isPlainASCII($0.name) }) {
            writeMembers(ofPlainNames: names)
        } else {
            writeMembers(named: names)
        }
        output.append(UInt8(ascii: "}"))
        return index + 1
    }

    /// Whether a name (quotes included) is ASCII without escapes: its bytes are then
    /// its text, which compares and sorts as its bytes do.
    private func isPlainASCII(_ name: Range<Int>) -> Bool {
        UnsafeRawBufferPointer(rebasing: text.bytes[(name.lowerBound + 1)..<(name.upperBound - 1)])
            .allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\\") }
    }

    /// The common case, without making strings of the names.
    private mutating func writeMembers(ofPlainNames names: [(name: Range<Int>, value: Int)]) {
        var members: [(name: UnsafeRawBufferPointer, value: Int)] = []
        members.reserveCapacity(names.count)
        for (range, value) in names {
            let name = UnsafeRawBufferPointer(rebasing: text.bytes[range])
            if let same = members.firstIndex(where: { $0.name.elementsEqual(name) }) {
                members[same].value = value
            } else {
                members.append((name, value))
            }
        }
        // By the names without their quotes: `"a"` sorts before `"a b"`, as "a" before "a b".
        members.sort { $0.name.dropFirst().dropLast().lexicographicallyPrecedes($1.name.dropFirst().dropLast()) }
        for (offset, member) in members.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: member.name)
            output.append(UInt8(ascii: ":"))
            let length = member.name.count - 2
            let secret =
                masksSecrets && Self.secretLengths & 1 << min(length, 63) != 0
                && isSecret(String(decoding: UnsafeRawBufferPointer(rebasing: member.name.dropFirst().dropLast()), as: UTF8.self))
            guard writeValue(at: member.value, masked: secret) else { break }
        }
    }

    /// Any names: decoded, deduplicated and sorted as strings.
    private mutating func writeMembers(named names: [(name: Range<Int>, value: Int)]) {
        var members: [(name: String, value: Int)] = []
        /// Positions by name, once there are too many members to search them one by one.
        var positions: [String: Int] = [:]
        for (range, value) in names {
            let name = text.string(range)
            if members.count == 16 { for (position, member) in members.enumerated() { positions[member.name] = position } }
            let same = members.count < 16 ? members.firstIndex { $0.name == name } : positions[name]
            if let same {
                members[same].value = value
            } else {
                if members.count >= 16 { positions[name] = members.count }
                members.append((name, value))
            }
        }
        members.sort { $0.name < $1.name }
        for (offset, member) in members.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(member.name, into: &output)
            output.append(UInt8(ascii: ":"))
            guard writeValue(at: member.value, masked: masksSecrets && isSecret(member.name)) else { break }
        }
    }

    /// Writes a member's value, masked when it is a secret; false once the summary is full.
    private mutating func writeValue(at value: Int, masked: Bool) -> Bool {
        if masked { writeMasked(at: value) } else { write(at: value) }
        guard clipped || output.count > limit else { return true }
        clipped = true
        return false
    }

    /// A secret's value, whatever its kind: a number or an object can be a secret too.
    private mutating func writeMasked(at value: Int) {
        let isString = text.bytes[value] == UInt8(ascii: "\"")
        let length = isString ? text.string(value..<text.end(ofStringAt: value)).count : nil
        JSONWriter.writeString(length.map(SecretMasking.masked) ?? SecretMasking.maskedValue, into: &output)
    }

    /// The lengths of ServerKit's secret names, as bits: most names are not as long
    /// as any, and need no lowercasing to be told apart.
    private static let secretLengths: UInt64 = SecretNames.all.reduce(0) { $0 | 1 << min($1.utf8.count, 63) }

    /// Whether a member of this name is masked (`SecretNames`).
    private func isSecret(_ name: String) -> Bool {
        let length = name.utf8.count
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        guard !isASCII || Self.secretLengths & 1 << min(length, 63) != 0 else { return false }
        return SecretNames.contains(name)
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while true {
            switch text.bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return index
            }
        }
    }
}
