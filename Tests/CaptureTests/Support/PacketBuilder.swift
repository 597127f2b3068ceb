/// Builds packets byte by byte, as a wire would carry them, for the tests of each layer.
enum PacketBuilder {
    struct TCPFlags: OptionSet {
        var rawValue: UInt8
        static let fin = TCPFlags(rawValue: 0x01)
        static let syn = TCPFlags(rawValue: 0x02)
        static let rst = TCPFlags(rawValue: 0x04)
        static let psh = TCPFlags(rawValue: 0x08)
        static let ack = TCPFlags(rawValue: 0x10)
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xff)] }
    static func be32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * $0)) } }
    static func le16(_ value: UInt16) -> [UInt8] { be16(value).reversed() }
    static func le32(_ value: UInt32) -> [UInt8] { be32(value).reversed() }

    static func tcp(source: UInt16, destination: UInt16, sequence: UInt32, acknowledgment: UInt32 = 0, flags: TCPFlags, payload: [UInt8] = []) -> [UInt8] {
        be16(source) + be16(destination) + be32(sequence) + be32(acknowledgment) + [0x50, flags.rawValue] + be16(65535) + [0, 0, 0, 0] + payload
    }

    static func ipv4(source: [UInt8] = [127, 0, 0, 1], destination: [UInt8] = [127, 0, 0, 1], protocolNumber: UInt8 = 6, fragment: UInt16 = 0x4000, payload: [UInt8]) -> [UInt8] {
        [0x45, 0] + be16(UInt16(20 + payload.count)) + [0, 1] + be16(fragment) + [64, protocolNumber, 0, 0] + source + destination + payload
    }

    static func ipv6(source: [UInt8] = Array(repeating: 0, count: 15) + [1], destination: [UInt8] = Array(repeating: 0, count: 15) + [1], payload: [UInt8]) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(UInt16(payload.count)) + [6, 64] + source + destination + payload
    }

    static func ethernet(_ ip: [UInt8], etherType: UInt16 = 0x0800, vlans: [UInt16] = []) -> [UInt8] {
        var frame = Array(repeating: UInt8(0), count: 12)
        for vlan in vlans { frame += be16(0x8100) + be16(vlan) }
        return frame + be16(etherType) + ip
    }

    static func sll(_ ip: [UInt8], protocolType: UInt16 = 0x0800) -> [UInt8] {
        be16(0) + be16(772) + be16(6) + Array(repeating: 0, count: 8) + be16(protocolType) + ip
    }

    static func sll2(_ ip: [UInt8], protocolType: UInt16 = 0x0800) -> [UInt8] {
        be16(protocolType) + [0, 0] + be32(1) + be16(772) + [0, 6] + Array(repeating: 0, count: 8) + ip
    }

    static func null(_ ip: [UInt8], family: UInt32 = 2) -> [UInt8] { le32(family) + ip }
}

/// One packet to write into a capture.
struct TestPacket {
    var seconds: UInt32
    var fraction: UInt32
    var bytes: [UInt8]
    var interface: UInt32 = 0
}

/// Writes pcap and pcapng files.
enum CaptureBuilder {
    typealias P = PacketBuilder

    static func pcap(_ packets: [TestPacket], link: UInt32 = 1, littleEndian: Bool = true, nanoseconds: Bool = false) -> [UInt8] {
        let u32 = littleEndian ? P.le32 : P.be32
        let u16 = littleEndian ? P.le16 : P.be16
        var bytes = u32(nanoseconds ? 0xa1b2_3c4d : 0xa1b2_c3d4) + u16(2) + u16(4) + u32(0) + u32(0) + u32(262_144) + u32(link)
        for packet in packets {
            bytes += u32(packet.seconds) + u32(packet.fraction) + u32(UInt32(packet.bytes.count)) + u32(UInt32(packet.bytes.count)) + packet.bytes
        }
        return bytes
    }

    struct Interface {
        var link: UInt16
        var tsresol: UInt8? = nil
        var tsoffset: Int64? = nil
        var name: String? = nil
    }

    static func option(_ code: UInt16, _ value: [UInt8]) -> [UInt8] {
        P.le16(code) + P.le16(UInt16(value.count)) + value + Array(repeating: 0, count: (4 - value.count % 4) % 4)
    }

    static func block(_ type: UInt32, _ body: [UInt8]) -> [UInt8] {
        let padded = body + Array(repeating: 0, count: (4 - body.count % 4) % 4)
        let length = UInt32(12 + padded.count)
        return P.le32(type) + P.le32(length) + padded + P.le32(length)
    }

    static func sectionHeader(comment: String? = nil) -> [UInt8] {
        var options: [UInt8] = []
        if let comment { options += option(1, Array(comment.utf8)) + option(0, []) }
        return block(0x0A0D_0D0A, P.le32(0x1A2B_3C4D) + P.le16(1) + P.le16(0) + P.le32(0xffff_ffff) + P.le32(0xffff_ffff) + options)
    }

    static func interface(_ interface: Interface) -> [UInt8] {
        var options: [UInt8] = []
        if let name = interface.name { options += option(2, Array(name.utf8)) }
        if let tsresol = interface.tsresol { options += option(9, [tsresol]) }
        if let offset = interface.tsoffset { options += option(14, (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: offset) >> UInt64(8 * $0)) }) }
        if !options.isEmpty { options += option(0, []) }
        return block(1, P.le16(interface.link) + P.le16(0) + P.le32(0) + options)
    }

    static func enhanced(_ packet: TestPacket, units: UInt64, comment: String? = nil) -> [UInt8] {
        var body = P.le32(packet.interface) + P.le32(UInt32(units >> 32)) + P.le32(UInt32(units & 0xffff_ffff))
            + P.le32(UInt32(packet.bytes.count)) + P.le32(UInt32(packet.bytes.count)) + packet.bytes
        body += Array(repeating: 0, count: (4 - packet.bytes.count % 4) % 4)
        if let comment { body += option(1, Array(comment.utf8)) + option(0, []) }
        return block(6, body)
    }

    static func simple(_ bytes: [UInt8]) -> [UInt8] { block(3, P.le32(UInt32(bytes.count)) + bytes) }

    static func obsolete(_ packet: TestPacket, units: UInt64) -> [UInt8] {
        block(2, P.le16(UInt16(packet.interface)) + P.le16(0) + P.le32(UInt32(units >> 32)) + P.le32(UInt32(units & 0xffff_ffff))
            + P.le32(UInt32(packet.bytes.count)) + P.le32(UInt32(packet.bytes.count)) + packet.bytes)
    }

    static func secrets(_ text: String) -> [UInt8] {
        block(0x0A, P.le32(0x544c_534b) + P.le32(UInt32(text.utf8.count)) + Array(text.utf8))
    }
}
