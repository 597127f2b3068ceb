import Foundation

/// An IPv4 or IPv6 address, held in two words so that it hashes and compares
/// without allocating.
struct IPAddress: Hashable, Sendable, Comparable {
    var high: UInt64
    var low: UInt64
    var isIPv6: Bool

    private init(high: UInt64, low: UInt64, isIPv6: Bool) {
        self.high = high
        self.low = low
        self.isIPv6 = isIPv6
    }

    init(ipv4 value: UInt32) {
        high = 0
        low = UInt64(value)
        isIPv6 = false
    }

    init(ipv6 bytes: UnsafeRawBufferPointer, at offset: Int) {
        high = bytes.u64(offset)
        low = bytes.u64(offset + 8)
        isIPv6 = true
    }

    static func < (a: IPAddress, b: IPAddress) -> Bool {
        (a.isIPv6 ? 1 : 0, a.high, a.low) < (b.isIPv6 ? 1 : 0, b.high, b.low)
    }

    /// Dotted quad, or RFC 5952 text (the longest run of zero groups as `::`).
    var description: String {
        guard isIPv6 else {
            return [24, 16, 8, 0].map { String((low >> UInt64($0)) & 0xff) }.joined(separator: ".")
        }
        let groups = (0..<8).map { index -> UInt16 in
            let word = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64((3 - index % 4) * 16))
        }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.length, end - index > 1 { best = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.start >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }

    /// Parses the text forms ``description`` writes (for `--host`); nil otherwise.
    init?(_ text: String) {
        if !text.contains(":") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var value: UInt32 = 0
            for part in parts {
                guard let byte = UInt8(part) else { return nil }
                value = value << 8 | UInt32(byte)
            }
            self.init(ipv4: value)
            return
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) }.reduce([UInt16]?([])) { list, group in
                guard let list, let group else { return nil }
                return list + [group]
            }
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let zeros = 8 - head.count - tail.count
        guard zeros >= 0, halves.count == 2 || zeros == 0 else { return nil }
        let all = head + Array(repeating: 0, count: zeros) + tail
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        self.init(high: high, low: low, isIPv6: true)
    }
}

/// An address and a port: one end of a TCP connection.
struct Endpoint: Hashable, Sendable, Comparable {
    var address: IPAddress
    var port: UInt16

    static func < (a: Endpoint, b: Endpoint) -> Bool { (a.address, a.port) < (b.address, b.port) }

    var description: String {
        address.isIPv6 ? "[\(address.description)]:\(port)" : "\(address.description):\(port)"
    }
}
