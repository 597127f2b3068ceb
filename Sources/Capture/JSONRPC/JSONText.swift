import Foundation
import ServerKit

/// Reading JSON text that ``RPCScanner`` has already found valid: skipping a value,
/// and the text of a string or number as ServerKit's `JSONParser` would read it.
/// Nothing here checks validity again.
struct JSONText {
    let bytes: UnsafeRawBufferPointer

    // MARK: Skipping

    /// The offset after the value starting at `start`.
    func end(ofValueAt start: Int) -> Int {
        var index = start
        var depth = 0
        repeat {
            switch bytes[index] {
            case UInt8(ascii: "\""): index = end(ofStringAt: index)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                index = end(ofScalarAt: index)
            default: index += 1
            }
        } while depth > 0
        return index
    }

    /// The offset after the string whose opening quote is at `start`: `memchr` finds
    /// each quote, and one after an odd run of backslashes is escaped.
    func end(ofStringAt start: Int) -> Int {
        // Most strings are short: look at their first bytes before calling `memchr`.
        var index = start + 1
        let shortEnd = min(index + 24, bytes.count)
        while index < shortEnd {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        let base = bytes.baseAddress!
        while true {
            let quote = base.distance(to: UnsafeRawPointer(memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index)!))
            var backslashes = 0
            while bytes[quote - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            index = quote + 1
        }
    }

    /// The offset after a number or a literal (`true`, `false`, `null`).
    func end(ofScalarAt start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: "E"):
                index += 1
            default: return index
            }
        }
        return index
    }

    // MARK: Strings

    /// Whether the string in `range` (quotes included) has no escape: its bytes are its text.
    func isRaw(_ range: Range<Int>) -> Bool {
        UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]).firstIndex(of: UInt8(ascii: "\\")) == nil
    }

    /// The text of the string in `range` (quotes included), escapes decoded.
    func string(_ range: Range<Int>) -> String {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if isRaw(range) { return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[inner]), as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(inner.count)
        var index = inner.lowerBound
        while index < inner.upperBound {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                continue
            }
            let escape = bytes[index]
            index += 1
            if let scalar = letterEscape(escape, digitsAt: &index) {
                Self.appendUTF8(scalar, to: &utf8)
            } else {
                utf8.append(escape)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Writes the string in `range` (quotes included) as ServerKit's `JSONWriter`
    /// writes its text, escaping only what JSON must, without decoding it into a
    /// string first. Stops once `output` holds `limit` bytes, and then returns false.
    func writeString(_ range: Range<Int>, into output: inout [UInt8], limit: Int) -> Bool {
        output.append(UInt8(ascii: "\""))
        let end = range.upperBound - 1
        var index = range.lowerBound + 1
        var runStart = index
        func flush(upTo position: Int, _ output: inout [UInt8]) -> Bool {
            let room = limit - output.count
            guard position - runStart <= room else {
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<(runStart + max(room, 0))]))
                return false
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<position]))
            return true
        }
        while index < end {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            guard flush(upTo: index, &output) else { return false }
            let escape = bytes[index + 1]
            index += 2
            if let scalar = letterEscape(escape, digitsAt: &index) {
                if scalar < 0x20 || scalar == 0x22 || scalar == 0x5C {
                    JSONWriter.writeEscape(UInt8(scalar), into: &output)
                } else {
                    Self.appendUTF8(scalar, to: &output)
                }
            } else if escape == UInt8(ascii: "/") {
                output.append(escape)
            } else {
                JSONWriter.writeEscape(escape, into: &output)
            }
            runStart = index
            guard output.count < limit else { return false }
        }
        guard flush(upTo: end, &output) else { return false }
        output.append(UInt8(ascii: "\""))
        return true
    }

    /// The scalar an escape of a letter stands for (`\n`, `\u00e9`, a surrogate pair as
    /// one scalar), with `index` moved past its hex digits; nil for the escapes that stand
    /// for their own character (`\"`, `\\`, `\/`).
    private func letterEscape(_ escape: UInt8, digitsAt index: inout Int) -> UInt32? {
        switch escape {
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            var scalar = hex4(at: index)
            index += 4
            if (0xD800..<0xDC00).contains(scalar) {
                // Valid text pairs a high surrogate with the low one that follows.
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4(at: index + 2) - 0xDC00)
                index += 6
            }
            return scalar
        default: return nil
        }
    }

    /// Appends a scalar's UTF-8; one that is not a scalar (a lone surrogate) as U+FFFD.
    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        guard scalar >= 0x80 else { return output.append(UInt8(scalar)) }
        output.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
    }

    func hex4(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(Self.hexDigit(bytes[index + offset]) ?? 0)
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: Numbers

    /// The number in `range` as the parser reads it: an `Int` when it is an integer
    /// that fits, else nil (it is then a `Double`).
    func integer(_ range: Range<Int>) -> Int? {
        let text = UnsafeRawBufferPointer(rebasing: bytes[range])
        guard !text.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) else { return nil }
        return Int(String(decoding: text, as: UTF8.self))
    }

    /// Writes the number in `range` as ServerKit's `JSONWriter` writes the value the
    /// parser reads from it: integers as they are (`-0` as `0`), others through `Double`.
    func writeNumber(_ range: Range<Int>, into output: inout [UInt8]) {
        let text = UnsafeRawBufferPointer(rebasing: bytes[range])
        let isInteger = !text.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        if isInteger, text.count < 19 {
            if text.count == 2, text[0] == UInt8(ascii: "-"), text[1] == UInt8(ascii: "0") {
                output.append(UInt8(ascii: "0"))
            } else {
                output.append(contentsOf: text)
            }
            return
        }
        let string = String(decoding: text, as: UTF8.self)
        if isInteger, let integer = Int(string) {
            output.append(contentsOf: String(integer).utf8)
        } else {
            JSONWriter.writeNumber(Double(string) ?? 0, into: &output)
        }
    }
}
