import Testing

@testable import Capture

/// The classic format in both byte orders and both timestamp resolutions.
@Suite struct PcapTests {
    typealias P = PacketBuilder

    let packet = P.ethernet(P.ipv4(payload: P.tcp(source: 1, destination: 2, sequence: 1, flags: .syn)))

    @Test(arguments: [true, false])
    func readsMicrosecondsInEitherByteOrder(littleEndian: Bool) throws {
        let bytes = CaptureBuilder.pcap(
            [TestPacket(seconds: 10, fraction: 250_000, bytes: packet), TestPacket(seconds: 11, fraction: 1, bytes: packet)], littleEndian: littleEndian)
        let read = try frames(bytes)
        #expect(read.file.format == .pcap(littleEndian ? .little : .big, .decimal(6)))
        #expect(read.frames.map(\.time) == [10_250_000_000, 11_000_001_000])
        #expect(read.frames.map(\.number) == [1, 2])
        #expect(read.frames.allSatisfy { $0.capturedLength == packet.count && $0.link == .ethernet })
        #expect(read.file.damage == nil)
    }

    @Test(arguments: [true, false])
    func readsNanoseconds(littleEndian: Bool) throws {
        let bytes = CaptureBuilder.pcap([TestPacket(seconds: 10, fraction: 123_456_789, bytes: packet)], littleEndian: littleEndian, nanoseconds: true)
        let read = try frames(bytes)
        #expect(read.file.format == .pcap(littleEndian ? .little : .big, .decimal(9)))
        #expect(read.frames.map(\.time) == [10_123_456_789])
    }

    @Test func packetsPointIntoTheFileWithoutCopies() throws {
        let bytes = CaptureBuilder.pcap([TestPacket(seconds: 1, fraction: 0, bytes: packet)])
        let read = try frames(bytes)
        #expect(read.frames[0].offset == 24 + 16)
        #expect(Array(read.mapped.bytes[read.frames[0].offset..<(read.frames[0].offset + packet.count)]) == packet)
    }

    @Test func aTruncatedPacketStopsReadingWithItsOffset() throws {
        var bytes = CaptureBuilder.pcap([TestPacket(seconds: 1, fraction: 0, bytes: packet), TestPacket(seconds: 2, fraction: 0, bytes: packet)])
        bytes.removeLast(10)
        let read = try frames(bytes)
        #expect(read.frames.count == 1)
        let secondRecord = 24 + 16 + packet.count
        #expect(read.file.damage == .truncated(offset: secondRecord, what: "packet 2 (\(packet.count) bytes announced, \(packet.count - 10) left)"))
    }

    @Test func anAbsurdLengthIsCorruptionNotAnAllocation() throws {
        var bytes = CaptureBuilder.pcap([TestPacket(seconds: 1, fraction: 0, bytes: packet)])
        bytes.replaceSubrange(32..<36, with: P.le32(0x7fff_ffff))
        let read = try frames(bytes)
        #expect(read.frames.isEmpty)
        #expect(read.file.damage?.offset == 32)
    }

    @Test func unknownMagicIsAClearError() {
        #expect(throws: CaptureError.unknownFormat(magic: 0x7b22_6a73)) { try frames(Array("{\"jsonrpc\":1}".utf8)) }
        #expect(throws: CaptureError.truncated(offset: 2, what: "the file's magic number (4 bytes)")) { try frames([0xd4, 0xc3]) }
    }
}
