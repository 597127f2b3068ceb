import Foundation
import MCP

/// Reads JSON text into MCP's `Value`, fast and faithfully.
///
/// The SDK's own `Value` decoder runs every string through a regular expression
/// that it compiles anew each time (to spot `data:` URLs, which it then turns into
/// binary data). On the path of every tool call that cost most of the CPU time and
/// changed some strings; this parser keeps each string exactly as sent.
package struct JSONParser {
    package struct Failure: Error, Equatable, CustomStringConvertible {
        let offset: Int
        let reason: String
        package var description: String { "Invalid JSON at byte \(offset): \(reason)" }
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    static let maximumDepth = 512

    /// Parses one JSON document; whitespace may surround it, nothing else.
    package static func parse(_ data: Data) throws(Failure) -> Value {
        try data.withUnsafeBytes { buffer in Result { () throws(Failure) in try parse(buffer) } }.get()
    }

    /// Parses one JSON document from raw bytes.
    static func parse(_ buffer: UnsafeRawBufferPointer) throws(Failure) -> Value {
        try parseDocument(buffer, lenient: false).value
    }

    /// A JSON-RPC message body as read: the value, and the text of each numeric `id`
    /// of the message (or of each message in a batch), by position; likewise for
    /// `params.requestId`, which names a request to cancel.
    struct MessageBody {
        var value: Value
        var numericIDs: [Int: String]
        var numericRequestIDs: [Int: String] = [:]
    }

    /// Parses a message body, keeping the text of numeric ids so that an id such as
    /// 2^64 is answered (and cancelled) digit for digit.
    ///
    /// - Parameter lenient: read ill-formed UTF-8 and lone surrogates as U+FFFD and
    ///   numbers out of range as infinite, instead of failing; used only to find the id
    ///   of a message that is then refused.
    static func parseMessageBody(_ buffer: UnsafeRawBufferPointer, lenient: Bool = false) throws(Failure) -> MessageBody {
        try parseDocument(buffer, lenient: lenient)
    }

    private static func parseDocument(_ buffer: UnsafeRawBufferPointer, lenient: Bool) throws(Failure) -> MessageBody {
        var parser = JSONParser(bytes: buffer, lenient: lenient)
        parser.skipWhitespace()
        let value = try parser.parseValue(message: .top)
        parser.skipWhitespace()
        guard parser.index == buffer.count else { throw parser.failure("unexpected text after the value") }
        return MessageBody(value: value, numericIDs: parser.numericIDs, numericRequestIDs: parser.numericRequestIDs)
    }

    private let lenient: Bool
    private var numericIDs: [Int: String] = [:]
    private var numericRequestIDs: [Int: String] = [:]

    private init(bytes: UnsafeRawBufferPointer, lenient: Bool) {
        self.bytes = bytes
        self.lenient = lenient
    }

    /// Where a value sits in a message body: the document itself, a message of a
    /// top-level batch, the `params` of a message, or deeper.
    private enum MessageLevel {
        case top
        case message(Int)
        case params(Int)
        case inner
    }

    // MARK: - Values

    private mutating func parseValue(message level: MessageLevel = .inner) throws(Failure) -> Value {
        guard index < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            switch level {
            case .top: return try parseObject(level: .message(0))
            case .inner: return try parseObject(level: .inner)
            default: return try parseObject(level: level)
            }
        case UInt8(ascii: "["): return try parseArray(isBatch: { if case .top = level { true } else { false } }())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    /// - Parameter level: a message, whose numeric `id` text is kept, the `params` of
    ///   one, whose numeric `requestId` text is kept, or any other object.
    private mutating func parseObject(level: MessageLevel) throws(Failure) -> Value {
        try enter()
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object([:])
        }
        // Room for a message's members from the start, rather than growing three times on the way.
        var object = [String: Value](minimumCapacity: 4)
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a member name in quotes") }
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            let start = index
            var inner = MessageLevel.inner
            if case .message(let position) = level, key == "params" { inner = .params(position) }
            let value = try parseValue(message: inner)
            switch level {
            case .message(let position) where key == "id": numericIDs[position] = numericText(value, start)
            case .params(let position) where key == "requestId": numericRequestIDs[position] = numericText(value, start)
            default: break
            }
            object[key] = value
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in an object") }
            index += 1
            depth -= 1
            return .object(object)
        }
    }

    private mutating func parseArray(isBatch: Bool) throws(Failure) -> Value {
        try enter()
        index += 1
        var array: [Value] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try parseValue(message: isBatch ? .message(array.count) : .inner))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            guard peek(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in an array") }
            index += 1
            depth -= 1
            return .array(array)
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes; ASCII alone needs no validation.
        var bitsSeen: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = bitsSeen < 0x80 ? text(start..<index) : try validatedText(start..<index)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string") }
            bitsSeen |= byte
            index += 1
        }
        var utf8 = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try validated(utf8)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try parseUnicodeEscape().utf8)
                default: throw failure("unknown escape")
                }
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining a surrogate
    /// pair. A lone surrogate names no character, so no string can hold it.
    private mutating func parseUnicodeEscape() throws(Failure) -> String {
        let scalar = try parseHex4()
        switch scalar {
        case 0xD800..<0xDC00:
            if peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                let resume = index
                index += 2
                let low = try parseHex4()
                if (0xDC00..<0xE000).contains(low) {
                    return String(Unicode.Scalar(0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00))!)
                }
                index = resume
            }
            return try loneSurrogate()
        case 0xDC00..<0xE000:
            return try loneSurrogate()
        default:
            return String(Unicode.Scalar(scalar)!)
        }
    }

    private func loneSurrogate() throws(Failure) -> String {
        guard lenient else { throw failure("a \\u escape names a lone UTF-16 surrogate, which no text can hold") }
        return "\u{FFFD}"
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("bad hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Integers that fit `Int` stay exact; others become `Double`, and one too large for
    /// a `Double` is refused rather than read as infinity.
    private mutating func parseNumber() throws(Failure) -> Value {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else {
            guard skipDigits() else { throw failure("malformed number") }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            index += 1
            isInteger = false
            guard skipDigits() else { throw failure("malformed number: digits must follow '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            isInteger = false
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard skipDigits() else { throw failure("malformed number: digits must follow the exponent") }
        }
        let literal = text(start..<index)
        if isInteger, let integer = Int(literal) { return .int(integer) }
        guard let double = Double(literal) else { throw failure("malformed number") }
        guard double.isFinite || lenient else { throw failure("a number too large for a 64-bit float") }
        return .double(double)
    }

    /// Skips one or more decimal digits; false if there are none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }

    // MARK: - Helpers

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
    }

    private mutating func expect(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0
        else { throw failure("unexpected word") }
        index += count
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The JSON text of `value`, just read from `start`, if it is a number.
    private func numericText(_ value: Value, _ start: Int) -> String? {
        switch value {
        case .int, .double: text(start..<index)
        default: nil
        }
    }

    /// The bytes in `range` as text, refusing ill-formed UTF-8 unless lenient.
    private func validatedText(_ range: Range<Int>) throws(Failure) -> String {
        try validated(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// The text of UTF-8 bytes, refusing ill-formed ones unless lenient. Decoding
    /// repairs ill-formed bytes, so the bytes are valid exactly when decoding keeps them
    /// (the standard library's decoder is much faster than its validating initializer).
    private func validated(_ bytes: some Collection<UInt8>) throws(Failure) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        guard lenient || string.utf8.elementsEqual(bytes) else { throw failure("a string is not valid UTF-8") }
        return string
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }
}
