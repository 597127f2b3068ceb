import Foundation

/// Reads a JSON-RPC body without building its values: it checks the whole text as
/// strictly as ServerKit's `JSONParser` (so that a body is JSON exactly when the
/// parser would read it), and keeps of each message only the members the report
/// shows — `jsonrpc`, `id` (numbers as written), `method`, the `code` and `message`
/// of an `error` — and where `params` and `result` sit, for their summary.
struct RPCScanner {
    /// The text is not JSON.
    struct Invalid: Error {}

    /// The top-level members of one message, as read.
    struct Members {
        var isObject = true
        var isVersion2 = false
        var method: String?
        var hasID = false
        var id: RPCID?
        var params: Range<Int>?
        var result: Range<Int>?
        var hasError = false
        var errorCode: Int?
        var errorMessage: String?
    }

    private let bytes: UnsafeRawBufferPointer
    private var text: JSONText { JSONText(bytes: bytes) }
    private var index = 0
    private var depth = 0
    static let maximumDepth = 512

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The messages of a body (one, or one per element of a batch); nil when it is not JSON.
    static func messages(in body: UnsafeRawBufferPointer) -> [Members]? {
        var scanner = RPCScanner(bytes: body)
        do throws(Invalid) {
            scanner.skipWhitespace()
            var messages: [Members] = []
            switch scanner.peek() {
            case UInt8(ascii: "{"): messages.append(try scanner.message())
            case UInt8(ascii: "["):
                try scanner.enter()
                scanner.index += 1
                try scanner.elements(closer: UInt8(ascii: "]")) { scanner throws(Invalid) in
                    if scanner.peek() == UInt8(ascii: "{") {
                        messages.append(try scanner.message())
                    } else {
                        try scanner.skipValue()
                        messages.append(Members(isObject: false))
                    }
                }
            default:
                try scanner.skipValue()
                messages.append(Members(isObject: false))
            }
            scanner.skipWhitespace()
            guard scanner.index == body.count else { return nil }
            return messages
        } catch {
            return nil
        }
    }

    // MARK: - Messages

    /// Reads a message object, checking every value in it.
    private mutating func message() throws(Invalid) -> Members {
        var members = Members()
        try enter()
        index += 1
        try self.members { scanner, key throws(Invalid) in
            let start = scanner.index
            switch key {
            case .jsonrpc:
                let isString = scanner.peek() == UInt8(ascii: "\"")
                try scanner.skipValue()
                members.isVersion2 = isString && scanner.text.string(start..<scanner.index) == "2.0"
            case .method:
                let isString = scanner.peek() == UInt8(ascii: "\"")
                try scanner.skipValue()
                members.method = isString ? scanner.text.string(start..<scanner.index) : nil
            case .id:
                let first = scanner.peek()
                try scanner.skipValue()
                members.hasID = true
                members.id = scanner.id(first, start..<scanner.index)
            case .params:
                try scanner.skipValue()
                members.params = start..<scanner.index
            case .result:
                try scanner.skipValue()
                members.result = start..<scanner.index
            case .error:
                members.hasError = true
                (members.errorCode, members.errorMessage) = (nil, nil)
                guard scanner.peek() == UInt8(ascii: "{") else {
                    try scanner.skipValue()
                    break
                }
                try scanner.enter()
                scanner.index += 1
                try scanner.members { scanner, key throws(Invalid) in
                    let start = scanner.index
                    let first = scanner.peek()
                    try scanner.skipValue()
                    let value = start..<scanner.index
                    switch key {
                    case .code: members.errorCode = first != UInt8(ascii: "-") && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first ?? 0) ? nil : scanner.text.integer(value)
                    case .message: members.errorMessage = first == UInt8(ascii: "\"") ? scanner.text.string(value) : nil
                    default: break
                    }
                }
            default:
                try scanner.skipValue()
            }
        }
        return members
    }

    private func id(_ first: UInt8?, _ range: Range<Int>) -> RPCID? {
        switch first ?? 0 {
        case UInt8(ascii: "\""): .string(text.string(range))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        case UInt8(ascii: "n"): .null
        default: nil
        }
    }

    // MARK: - Containers

    /// Reads the members of an object whose `{` is behind, calling `member` with the
    /// name of each (only names this scanner looks for are decoded) at its value.
    private mutating func members(_ member: (inout RPCScanner, StaticKey) throws(Invalid) -> Void) throws(Invalid) {
        try elements(closer: UInt8(ascii: "}")) { scanner throws(Invalid) in
            guard scanner.peek() == UInt8(ascii: "\"") else { throw Invalid() }
            let start = scanner.index
            try scanner.skipString()
            let key = StaticKey(scanner.text, start..<scanner.index)
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: ":") else { throw Invalid() }
            scanner.index += 1
            scanner.skipWhitespace()
            try member(&scanner, key)
        }
    }

    /// Reads comma-separated elements up to `closer` (the opener is behind and counted
    /// in the depth), calling `element` at each.
    private mutating func elements(closer: UInt8, _ element: (inout RPCScanner) throws(Invalid) -> Void) throws(Invalid) {
        skipWhitespace()
        if peek() == closer {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case closer:
                index += 1
                depth -= 1
                return
            default: throw Invalid()
            }
        }
    }

    // MARK: - Values

    private mutating func skipValue() throws(Invalid) {
        switch peek() ?? 0 {
        case UInt8(ascii: "{"):
            try enter()
            index += 1
            try members { scanner, _ throws(Invalid) in try scanner.skipValue() }
        case UInt8(ascii: "["):
            try enter()
            index += 1
            try elements(closer: UInt8(ascii: "]")) { scanner throws(Invalid) in try scanner.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try expect("true")
        case UInt8(ascii: "f"): try expect("false")
        case UInt8(ascii: "n"): try expect("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw Invalid()
        }
    }

    /// Skips a string, refusing what the parser refuses: control characters, unknown
    /// escapes, lone surrogates, ill-formed UTF-8.
    private mutating func skipString() throws(Invalid) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                try skipEscape()
            case 0..<0x20:
                throw Invalid()
            case 0x80...:
                try skipUTF8Sequence(byte)
            default:
                index += 1
            }
        }
        throw Invalid()
    }

    private mutating func skipEscape() throws(Invalid) {
        guard index + 1 < bytes.count else { throw Invalid() }
        let escape = bytes[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let scalar = try hex4()
            switch scalar {
            case 0xD800..<0xDC00:
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw Invalid() }
                index += 2
                guard (0xDC00..<0xE000).contains(try hex4()) else { throw Invalid() }
            case 0xDC00..<0xE000: throw Invalid()
            default: return
            }
        default: throw Invalid()
        }
    }

    private mutating func hex4() throws(Invalid) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Invalid() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = JSONText.hexDigit(bytes[index]) else { throw Invalid() }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Skips one well-formed UTF-8 sequence of two to four bytes (no overlong forms,
    /// no surrogates, nothing above U+10FFFF), as the standard library's decoder keeps.
    private mutating func skipUTF8Sequence(_ lead: UInt8) throws(Invalid) {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: throw Invalid()
        }
        guard index + length <= bytes.count else { throw Invalid() }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw Invalid() }
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { throw Invalid() }
        index += length
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and one too large for a
    /// `Double` is refused, as the parser refuses it.
    private mutating func skipNumber() throws(Invalid) {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() else { throw Invalid() }
        }
        let integerDigits = index - integerStart
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw Invalid() }
        }
        var hasExponent = false
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            hasExponent = true
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw Invalid() }
        }
        if hasExponent || integerDigits > 300 {
            let literal = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if !hasExponent, !literal.contains("."), Int(literal) != nil { return }
            guard let double = Double(literal), double.isFinite else { throw Invalid() }
        }
    }

    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index > start
    }

    // MARK: - Helpers

    private mutating func enter() throws(Invalid) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Invalid() }
    }

    private mutating func expect(_ word: StaticString) throws(Invalid) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { throw Invalid() }
        index += count
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}

/// A member name the scanner looks for, read without making a string of names it
/// does not look for.
enum StaticKey {
    case jsonrpc, id, method, params, result, error, code, message, other

    init(_ text: JSONText, _ range: Range<Int>) {
        let inner = UnsafeRawBufferPointer(rebasing: text.bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        let raw = text.isRaw(range)
        guard raw || inner.count < 64 else {
            self = .other
            return
        }
        let name: String = raw ? "" : text.string(range)
        func matches(_ candidate: StaticString) -> Bool {
            if raw {
                return inner.count == candidate.utf8CodeUnitCount && memcmp(inner.baseAddress!, candidate.utf8Start, inner.count) == 0
            }
            return name.utf8.elementsEqual(UnsafeBufferPointer(start: candidate.utf8Start, count: candidate.utf8CodeUnitCount))
        }
        switch inner.count {
        case 0: self = .other
        default:
            if matches("jsonrpc") { self = .jsonrpc }
            else if matches("id") { self = .id }
            else if matches("method") { self = .method }
            else if matches("params") { self = .params }
            else if matches("result") { self = .result }
            else if matches("error") { self = .error }
            else if matches("code") { self = .code }
            else if matches("message") { self = .message }
            else { self = .other }
        }
    }
}
