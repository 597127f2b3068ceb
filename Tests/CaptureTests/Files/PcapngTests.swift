import Testing

@testable import Capture

/// pcapng: sections, interfaces of different link types and resolutions, the three
/// packet blocks, secrets and comments.
@Suite struct PcapngTests {
    typealias P = PacketBuilder
    typealias B = CaptureBuilder

    let ip = P.ipv4(payload: P.tcp(source: 1, destination: 2, sequence: 1, flags: .syn))

    @Test func interfacesWithTheirOwnLinkTypesAndResolutions() throws {
        let bytes = B.sectionHeader(comment: "made by a test")
            + B.interface(.init(link: 1, name: "eth0"))
            + B.interface(.init(link: 276, tsresol: 9))
            + B.interface(.init(link: 0, tsresol: 0x80 | 10, tsoffset: 100))
            + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.ethernet(ip), interface: 0), units: 1_500_000, comment: "first")
            + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.sll2(ip), interface: 1), units: 2_000_000_001)
            + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.null(ip), interface: 2), units: 3 * 1024 + 512)
            + B.secrets("CLIENT_RANDOM 00 11\n")
            + B.obsolete(TestPacket(seconds: 0, fraction: 0, bytes: P.ethernet(ip), interface: 0), units: 7_000_000)
            + B.simple(P.ethernet(ip))
        let read = try frames(bytes)
        #expect(read.file.format == .pcapng)
        #expect(read.file.damage == nil)
        #expect(read.frames.map(\.link) == [.ethernet, .linuxSLL2, .null, .ethernet, .ethernet])
        #expect(read.frames.map(\.time) == [1_500_000_000, 2_000_000_001, 103_500_000_000, 7_000_000_000, nil])
        #expect(read.frames[0].comments == ["first"])
        #expect(read.file.comments == ["made by a test"])
        #expect(read.file.interfaces.map(\.name) == ["eth0", nil, nil])
        let report = try analyze(bytes)
        #expect(report.file.comments == ["made by a test", "#1: first"])
        #expect(report.file.decryptionSecrets == [SecretsSummary(type: "TLS key log", bytes: 20, offset: read.file.secrets.first?.offset ?? -1)])
        #expect(report.file.interfaces.map(\.link) == ["Ethernet", "Linux cooked v2 (SLL2)", "BSD loopback (NULL)"])
        #expect(report.text.contains("comment: #1: first"))
        #expect(read.file.secrets.count == 1)
        #expect(read.file.secrets.first?.typeName == "TLS key log")
        #expect(read.file.secrets.first.map { String(decoding: $0.data, as: UTF8.self) } == "CLIENT_RANDOM 00 11\n")
        // Each link type leads to the same IP packet.
        for frame in read.frames {
            let link = try #require(LinkDecoder.decode(frame, in: read.mapped.bytes))
            let packet = try #require(IPPacket.parse(link, end: frame.offset + frame.capturedLength, in: read.mapped.bytes))
            #expect(packet.protocolNumber == 6)
        }
    }

    @Test func aNewSectionStartsItsOwnInterfaces() throws {
        let bytes = B.sectionHeader() + B.interface(.init(link: 1)) + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.ethernet(ip)), units: 1)
            + B.sectionHeader() + B.interface(.init(link: 101, tsresol: 9)) + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: ip), units: 5)
        let read = try frames(bytes)
        #expect(read.file.sections == 2)
        #expect(read.frames.map(\.link) == [.ethernet, .rawIP])
        #expect(read.frames.map(\.time) == [1000, 5])
        #expect(read.frames.map(\.interface) == [0, 1])
    }

    @Test func aBigEndianSection() throws {
        let body = P.be32(0x1A2B_3C4D) + P.be16(1) + P.be16(0) + P.be32(0xffff_ffff) + P.be32(0xffff_ffff)
        let header = P.be32(0x0A0D_0D0A) + P.be32(UInt32(12 + body.count)) + body + P.be32(UInt32(12 + body.count))
        let idbBody = P.be16(101) + P.be16(0) + P.be32(0)
        let idb = P.be32(1) + P.be32(UInt32(12 + idbBody.count)) + idbBody + P.be32(UInt32(12 + idbBody.count))
        var epbBody = P.be32(0) + P.be32(0) + P.be32(42) + P.be32(UInt32(ip.count)) + P.be32(UInt32(ip.count)) + ip
        epbBody += Array(repeating: 0, count: (4 - ip.count % 4) % 4)
        let epb = P.be32(6) + P.be32(UInt32(12 + epbBody.count)) + epbBody + P.be32(UInt32(12 + epbBody.count))
        let read = try frames(header + idb + epb)
        #expect(read.frames.count == 1)
        #expect(read.frames.first?.time == 42_000)
    }

    @Test func aPacketOfAnUndeclaredInterfaceIsCorruption() throws {
        let bytes = B.sectionHeader() + B.interface(.init(link: 1)) + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: ip, interface: 3), units: 1)
        let read = try frames(bytes)
        #expect(read.frames.isEmpty)
        guard case .corrupt(let offset, let reason)? = read.file.damage else {
            Issue.record("expected corruption, got \(String(describing: read.file.damage))")
            return
        }
        #expect(offset > 0)
        #expect(reason.contains("interface 3"))
    }

    @Test func aBlockCutShortKeepsThePacketsBeforeIt() throws {
        let good = B.sectionHeader() + B.interface(.init(link: 101)) + B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: ip), units: 1)
        let cut = Array(B.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: ip), units: 2).prefix(30))
        let read = try frames(good + cut)
        #expect(read.frames.count == 1)
        #expect(read.file.damage?.offset == good.count)
        let report = try analyze(good + cut)
        #expect(report.file.packets == 1)
        #expect(report.damageOffset == good.count)
        #expect(report.text.contains("truncated at byte \(good.count)"))
    }

    @Test func mismatchedTrailingLength() throws {
        var bytes = B.sectionHeader() + B.interface(.init(link: 101))
        let idbStart = B.sectionHeader().count
        bytes[bytes.count - 4] ^= 0xff
        let read = try frames(bytes)
        #expect(read.file.damage?.offset == bytes.count - 4)
        #expect(idbStart > 0)
    }
}
