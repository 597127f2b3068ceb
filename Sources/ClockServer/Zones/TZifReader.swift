/// Reads a TZif file (RFC 8536), the format of the system's time zone database.
///
/// Version 1 files carry 32-bit transition times; versions 2 and later repeat the
/// data with 64-bit times and end with a POSIX rule for later instants, which is
/// what a zone needs for dates past its recorded transitions.
struct TZifReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func rules(from bytes: [UInt8]) throws -> ZoneRules {
        var reader = TZifReader(bytes)
        let (version, counts) = try reader.header()
        let first = try reader.dataBlock(timeSize: 4, counts: counts)
        guard version >= 2 else { return try first.rules(rule: nil) }
        let second = try reader.dataBlock(timeSize: 8, counts: try reader.header().counts)
        return try second.rules(rule: try reader.footer())
    }

    // MARK: - Parts

    private struct Counts {
        let utIndicators, standardIndicators, leapSeconds, transitions, types, designationBytes: Int
    }

    private struct DataBlock {
        let instants: [Int]
        let typeIndices: [Int]
        let types: [ZoneRules.LocalTime]

        func rules(rule: PosixTimeZoneRule?) throws -> ZoneRules {
            guard !types.isEmpty, typeIndices.allSatisfy({ $0 < types.count }) else { throw Malformed() }
            return ZoneRules(
                initial: types[0], transitionInstants: instants, transitionTimes: typeIndices.map { types[$0] },
                rule: rule)
        }
    }

    /// Reads the 44-byte header: the version (1, 2, 3 or 4) and the counts of the data block that follows.
    private mutating func header() throws -> (version: Int, counts: Counts) {
        guard try take(4) == Array("TZif".utf8) else { throw Malformed() }
        let versionByte = try take(1)[0]
        let version = versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        guard (1...9).contains(version) else { throw Malformed() }
        _ = try take(15)
        let values = try (0..<6).map { _ in try integer(size: 4) }
        guard values.allSatisfy({ $0 >= 0 }) else { throw Malformed() }
        let counts = Counts(
            utIndicators: values[0], standardIndicators: values[1], leapSeconds: values[2], transitions: values[3],
            types: values[4], designationBytes: values[5])
        return (version, counts)
    }

    private mutating func dataBlock(timeSize: Int, counts: Counts) throws -> DataBlock {
        let instants = try (0..<counts.transitions).map { _ in try integer(size: timeSize) }
        guard zip(instants, instants.dropFirst()).allSatisfy({ $0 < $1 }) else { throw Malformed() }
        let typeIndices = try take(counts.transitions).map(Int.init)
        let types = try (0..<counts.types).map { _ -> ZoneRules.LocalTime in
            let offset = try integer(size: 4)
            let flags = try take(2)
            guard flags[0] <= 1 else { throw Malformed() }
            return ZoneRules.LocalTime(offsetSeconds: offset, isDaylightSaving: flags[0] == 1)
        }
        _ = try take(counts.designationBytes + counts.leapSeconds * (timeSize + 4))
        _ = try take(counts.standardIndicators + counts.utIndicators)
        return DataBlock(instants: instants, typeIndices: typeIndices, types: types)
    }

    /// The POSIX rule between two newlines after the second data block; empty means none.
    private mutating func footer() throws -> PosixTimeZoneRule? {
        guard try take(1) == [UInt8(ascii: "\n")],
            let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n"))
        else { throw Malformed() }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        if text.isEmpty { return nil }
        guard let rule = PosixTimeZoneRule(text) else { throw Malformed() }
        return rule
    }

    // MARK: - Bytes

    private mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, bytes.count - position >= count else { throw Malformed() }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// A big-endian two's-complement integer of 4 or 8 bytes.
    private mutating func integer(size: Int) throws -> Int {
        let value = try take(size).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return size == 8 ? Int(Int64(bitPattern: value)) : Int(Int32(truncatingIfNeeded: value))
    }
}
