/// A capture file of either format, read packet by packet.
///
/// Reading never throws past the file header: at damage the packets stop and
/// ``damage`` says where, so that what came before is still reported.
struct CaptureFile {
    enum Format: Equatable {
        case pcap(ByteOrder, TimestampResolution)
        case pcapng

        var description: String {
            switch self {
            case .pcap(let order, let resolution): return "pcap (\(order.rawValue), \(resolution.description))"
            case .pcapng: return "pcapng"
            }
        }
    }

    private enum Reader {
        case pcap(PcapReader)
        case pcapng(PcapngReader)
    }

    let bytes: UnsafeRawBufferPointer
    let format: Format
    private var reader: Reader

    /// Recognizes the format from the first bytes.
    init(bytes: UnsafeRawBufferPointer) throws(CaptureError) {
        self.bytes = bytes
        guard bytes.count >= 4 else { throw .truncated(offset: bytes.count, what: "the file's magic number (4 bytes)") }
        if let pcap = try PcapReader(bytes: bytes) {
            reader = .pcap(pcap)
            format = .pcap(pcap.order, pcap.resolution)
        } else if let pcapng = PcapngReader(bytes: bytes) {
            reader = .pcapng(pcapng)
            format = .pcapng
        } else {
            throw .unknownFormat(magic: bytes.u32(0, .big))
        }
    }

    mutating func next() -> Frame? {
        switch reader {
        case .pcap(var pcap):
            defer { reader = .pcap(pcap) }
            return pcap.next()
        case .pcapng(var pcapng):
            defer { reader = .pcapng(pcapng) }
            return pcapng.next()
        }
    }

    var damage: CaptureError? {
        switch reader {
        case .pcap(let pcap): return pcap.damage
        case .pcapng(let pcapng): return pcapng.damage
        }
    }

    var secrets: [DecryptionSecrets] {
        if case .pcapng(let pcapng) = reader { return pcapng.secrets }
        return []
    }

    var comments: [String] {
        if case .pcapng(let pcapng) = reader { return pcapng.comments }
        return []
    }

    var sections: Int {
        if case .pcapng(let pcapng) = reader { return pcapng.sections }
        return 1
    }

    var interfaces: [CaptureInterface] {
        switch reader {
        case .pcap(let pcap): return [CaptureInterface(link: pcap.link, snapLength: pcap.snapLength, resolution: pcap.resolution)]
        case .pcapng(let pcapng): return pcapng.allInterfaces
        }
    }
}
