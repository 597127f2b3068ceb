/// Reads the classic pcap format: a 24-byte file header, then records of a 16-byte
/// header and the captured bytes. The magic number gives the byte order and whether
/// timestamps count micro- or nanoseconds.
struct PcapReader {
    let bytes: UnsafeRawBufferPointer
    let order: ByteOrder
    let resolution: TimestampResolution
    let link: LinkType
    let snapLength: UInt32
    private var offset = 24
    private var number = 0
    private(set) var damage: CaptureError?

    static let headerLength = 24
    static let recordHeaderLength = 16

    /// Reads the file header; nil when the magic is not a pcap one.
    init?(bytes: UnsafeRawBufferPointer) throws(CaptureError) {
        guard bytes.count >= 4 else { return nil }
        switch bytes.u32(0, .big) {
        case 0xa1b2_c3d4: (order, resolution) = (.big, .decimal(6))
        case 0xd4c3_b2a1: (order, resolution) = (.little, .decimal(6))
        case 0xa1b2_3c4d: (order, resolution) = (.big, .decimal(9))
        case 0x4d3c_b2a1: (order, resolution) = (.little, .decimal(9))
        default: return nil
        }
        guard bytes.count >= Self.headerLength else { throw .truncated(offset: bytes.count, what: "the pcap file header (24 bytes)") }
        let major = bytes.u16(4, order)
        guard major == 2 else { throw .corrupt(offset: 4, reason: "pcap version \(major), where 2 is the only one") }
        self.bytes = bytes
        snapLength = bytes.u32(16, order)
        // The upper bits of the link field may carry FCS information.
        link = LinkType(rawValue: bytes.u32(20, order) & 0x03ff_ffff)
    }

    /// The next packet, or nil at the end of the file or at damage (then ``damage`` says where).
    mutating func next() -> Frame? {
        guard damage == nil, offset < bytes.count else { return nil }
        let start = offset
        guard bytes.count - start >= Self.recordHeaderLength else {
            damage = .truncated(offset: start, what: "the header of packet \(number + 1)")
            return nil
        }
        let seconds = UInt64(bytes.u32(start, order))
        let fraction = UInt64(bytes.u32(start + 4, order))
        let captured = Int(bytes.u32(start + 8, order))
        let original = Int(bytes.u32(start + 12, order))
        let limit = max(Int(snapLength), 262_144) * 4
        guard captured <= limit else {
            damage = .corrupt(offset: start + 8, reason: "packet \(number + 1) claims \(captured) captured bytes, more than any snapshot length")
            return nil
        }
        let dataStart = start + Self.recordHeaderLength
        guard bytes.count - dataStart >= captured else {
            damage = .truncated(offset: start, what: "packet \(number + 1) (\(captured) bytes announced, \(bytes.count - dataStart) left)")
            return nil
        }
        offset = dataStart + captured
        number += 1
        let nanos: Int64 = resolution == .decimal(9) ? Int64(fraction) : Int64(fraction) * 1000
        return Frame(
            number: number, time: Int64(seconds) * 1_000_000_000 + nanos, link: link, interface: 0,
            offset: dataStart, capturedLength: captured, originalLength: original)
    }
}
