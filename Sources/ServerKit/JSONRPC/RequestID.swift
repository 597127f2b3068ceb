import MCP

/// A JSON-RPC request id as the client wrote it, so that its answer carries it back
/// exactly.
///
/// A number keeps its text: an id of 2^64 is echoed digit for digit, not rounded
/// through a `Double`. Strings compare by their bytes: two spellings of `é` that
/// Swift's `String ==` holds equal are two ids to the client.
enum RequestID: Sendable {
    case string(String)
    /// The number's JSON text.
    case number(String)

    /// The id of a message as read: strings and numbers are ids; `null`, booleans,
    /// arrays and objects are not.
    init?(_ value: Value, text: String?) {
        switch value {
        case .string(let string): self = .string(string)
        case .int(let integer): self = .number(text ?? String(integer))
        case .double(let double): self = .number(text ?? "\(double)")
        default: return nil
        }
    }

    /// MCP asks for string or integer ids; JSON-RPC allows any number.
    var isStringOrInteger: Bool {
        switch self {
        case .string: true
        case .number(let text): !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        }
    }

    /// Writes the id as JSON.
    func write(into output: inout [UInt8]) {
        switch self {
        case .string(let string): JSONWriter.writeString(string, into: &output)
        case .number(let text): output.append(contentsOf: text.utf8)
        }
    }
}

extension RequestID: Hashable {
    static func == (lhs: RequestID, rhs: RequestID) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)), (.number(let left), .number(let right)):
            left.hasSameBytes(as: right)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        var (kind, text): (UInt8, String) =
            switch self {
            case .string(let text): (0, text)
            case .number(let text): (1, text)
            }
        hasher.combine(kind)
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension RequestID: CustomStringConvertible {
    var description: String {
        var output: [UInt8] = []
        write(into: &output)
        return String(decoding: output, as: UTF8.self).clipped(to: 64)
    }
}
