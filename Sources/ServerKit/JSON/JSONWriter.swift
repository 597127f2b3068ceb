import Foundation
import MCP

/// Writes MCP's `Value` as compact JSON with sorted member names.
public enum JSONWriter {
    public static func data(_ value: Value) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output)
        return Data(output)
    }

    public static func string(_ value: Value) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    static func write(_ value: Value, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let integer): output.append(contentsOf: String(integer).utf8)
        case .double(let double): writeNumber(double, into: &output)
        case .string(let string): writeString(string, into: &output)
        case .data(let mimeType, let data): writeString(data.dataURLEncoded(mimeType: mimeType), into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes a `Double` as JSON: whole numbers below 10^15 without a fraction, others
    /// as Swift spells them, and `null` for what JSON cannot hold.
    package static func writeNumber(_ double: Double, into output: inout [UInt8]) {
        if double.isFinite {
            output.append(contentsOf: (double.rounded() == double && abs(double) < 1e15 ? String(Int(double)) : "\(double)").utf8)
        } else {
            output.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Writes a string in quotes, escaping only what JSON requires; runs that need no
    /// escape are copied whole, and found eight bytes at a time.
    package static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // A native string lends its bytes as they are; another is copied into one first.
        if string.utf8.withContiguousStorageIfAvailable({ writeEscaping($0, into: &output) }) == nil {
            var copy = string
            copy.withUTF8 { writeEscaping($0, into: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaping(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if bytes.count - index >= 8,
                !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeEscape(byte, into: &output)
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Whether any of eight bytes may be a control character, a quote or a backslash
    /// (a few others may answer yes; none that must be escaped answers no).
    @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    /// Writes the escape of a byte JSON must escape: a control character, a quote, a backslash.
    package static func writeEscape(_ byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
    }
}
