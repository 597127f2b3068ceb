import Testing

@testable import ClockServer

/// Builds TZif files (RFC 8536) byte by byte.
struct TZifFile {
    var version: UInt8 = UInt8(ascii: "2")
    var transitions: [(instant: Int, type: UInt8)] = []
    var types: [(offset: Int32, isDST: Bool)] = [(0, false)]
    var footer = ""

    var bytes: [UInt8] {
        var bytes = block(timeSize: 4)
        guard version != 0 else { return bytes }
        bytes += block(timeSize: 8)
        bytes += Array("\n\(footer)\n".utf8)
        return bytes
    }

    private func block(timeSize: Int) -> [UInt8] {
        var bytes = Array("TZif".utf8) + [version] + Array(repeating: 0, count: 15)
        for count in [0, 0, 0, transitions.count, types.count, 4] { bytes += Self.bigEndian(count, size: 4) }
        for transition in transitions { bytes += Self.bigEndian(transition.instant, size: timeSize) }
        bytes += transitions.map(\.type)
        for type in types { bytes += Self.bigEndian(Int(type.offset), size: 4) + [type.isDST ? 1 : 0, 0] }
        return bytes + Array("LMT\0".utf8)
    }

    static func bigEndian(_ value: Int, size: Int) -> [UInt8] {
        (0..<size).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}

@Suite struct TZifReaderTests {
    @Test func readsTransitionsTypesAndTheRule() throws {
        let file = TZifFile(
            transitions: [(1_000, 1), (2_000, 0)], types: [(3600, false), (7200, true)],
            footer: "CET-1CEST,M3.5.0,M10.5.0/3")
        let rules = try TZifReader.rules(from: file.bytes)
        #expect(rules.localTime(at: 999).offsetSeconds == 3600)
        #expect(rules.localTime(at: 1_000) == .init(offsetSeconds: 7200, isDaylightSaving: true))
        #expect(rules.localTime(at: 1_999).offsetSeconds == 7200)
        #expect(rules.rule == PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        // After the last transition the rule decides: 2030-07-01 is summer time.
        #expect(rules.localTime(at: 1_909_051_200).offsetSeconds == 7200)
    }

    @Test func aSlimFileWithOnlyARuleUsesTheRule() throws {
        let file = TZifFile(types: [(-18_000, false)], footer: "EST5EDT,M3.2.0,M11.1.0")
        let rules = try TZifReader.rules(from: file.bytes)
        #expect(rules.localTime(at: 1_909_051_200).offsetSeconds == -14_400)  // July 2030
        #expect(rules.localTime(at: 1_893_456_000).offsetSeconds == -18_000)  // January 2030
    }

    @Test func versionOneFilesHaveNoRule() throws {
        let file = TZifFile(version: 0, transitions: [(500, 1)], types: [(0, false), (-3600, false)])
        let rules = try TZifReader.rules(from: file.bytes)
        #expect(rules.rule == nil)
        #expect(rules.localTime(at: 10_000_000).offsetSeconds == -3600)
    }

    @Test func refusesMalformedFiles() {
        let good = TZifFile(transitions: [(1_000, 1)], types: [(0, false), (3600, false)], footer: "UTC0").bytes
        var badMagic = good
        badMagic[0] = UInt8(ascii: "X")
        let badType = TZifFile(transitions: [(1_000, 7)], types: [(0, false)]).bytes
        let unordered = TZifFile(transitions: [(2_000, 0), (1_000, 0)]).bytes
        let badRule = TZifFile(footer: "not a rule").bytes
        for bytes in [badMagic, Array(good.prefix(60)), Array(good.dropLast(3)), badType, unordered, badRule, []] {
            #expect(throws: TZifReader.Malformed.self) { try TZifReader.rules(from: bytes) }
        }
    }
}
