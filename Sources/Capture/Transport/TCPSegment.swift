/// A TCP header's facts, and where its payload sits in the file.
struct TCPSegment {
    struct Flags: OptionSet, Hashable {
        var rawValue: UInt8
        static let fin = Flags(rawValue: 0x01)
        static let syn = Flags(rawValue: 0x02)
        static let rst = Flags(rawValue: 0x04)
        static let psh = Flags(rawValue: 0x08)
        static let ack = Flags(rawValue: 0x10)
        static let urg = Flags(rawValue: 0x20)
        static let ece = Flags(rawValue: 0x40)
        static let cwr = Flags(rawValue: 0x80)

        /// As Wireshark lists them: `SYN, ACK`.
        var description: String {
            let names: [(Flags, String)] = [(.fin, "FIN"), (.syn, "SYN"), (.rst, "RST"), (.psh, "PSH"), (.ack, "ACK"), (.urg, "URG"), (.ece, "ECE"), (.cwr, "CWR")]
            let set = names.filter { contains($0.0) }.map(\.1)
            return set.isEmpty ? "none" : set.joined(separator: ", ")
        }
    }

    var sourcePort: UInt16
    var destinationPort: UInt16
    var sequence: UInt32
    var acknowledgment: UInt32
    var flags: Flags
    var window: UInt16
    var payload: Range<Int>

    static func parse(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> TCPSegment? {
        let start = range.lowerBound
        guard range.count >= 20 else { return nil }
        let headerLength = Int(bytes[start + 12] >> 4) * 4
        guard headerLength >= 20, range.count >= headerLength else { return nil }
        return TCPSegment(
            sourcePort: bytes.u16(start), destinationPort: bytes.u16(start + 2),
            sequence: bytes.u32(start + 4), acknowledgment: bytes.u32(start + 8),
            flags: Flags(rawValue: bytes[start + 13]), window: bytes.u16(start + 14),
            payload: (start + headerLength)..<range.upperBound)
    }
}
