/// The facts of an IPv4 or IPv6 header that the layers above need.
struct IPPacket {
    var source: IPAddress
    var destination: IPAddress
    /// The upper-layer protocol (6 is TCP), after IPv6 extension headers.
    var protocolNumber: UInt8
    /// The payload's range in the file, trimmed to the length the header declares.
    var payload: Range<Int>
    /// Set for IPv4 fragments and IPv6 packets with a fragment header: they are
    /// noted, not reassembled.
    var isFragment: Bool
    var isIPv6: Bool

    /// Nil when the header is cut short or malformed.
    static func parse(_ link: LinkPayload, end: Int, in bytes: UnsafeRawBufferPointer) -> IPPacket? {
        switch link.network {
        case .ipv4: return ipv4(link.offset, end, bytes)
        case .ipv6: return ipv6(link.offset, end, bytes)
        case .other: return nil
        }
    }

    private static func ipv4(_ start: Int, _ end: Int, _ bytes: UnsafeRawBufferPointer) -> IPPacket? {
        guard end - start >= 20, bytes[start] >> 4 == 4 else { return nil }
        let headerLength = Int(bytes[start] & 0x0f) * 4
        guard headerLength >= 20, end - start >= headerLength else { return nil }
        let total = Int(bytes.u16(start + 2))
        // A total of 0 comes from segmentation offload: trust the frame then.
        let payloadEnd = total == 0 ? end : min(end, start + max(total, headerLength))
        let fragment = bytes.u16(start + 6)
        return IPPacket(
            source: IPAddress(ipv4: bytes.u32(start + 12)), destination: IPAddress(ipv4: bytes.u32(start + 16)),
            protocolNumber: bytes[start + 9], payload: (start + headerLength)..<payloadEnd,
            isFragment: fragment & 0x2000 != 0 || fragment & 0x1fff != 0, isIPv6: false)
    }

    private static func ipv6(_ start: Int, _ end: Int, _ bytes: UnsafeRawBufferPointer) -> IPPacket? {
        guard end - start >= 40, bytes[start] >> 4 == 6 else { return nil }
        let payloadLength = Int(bytes.u16(start + 4))
        let payloadEnd = payloadLength == 0 ? end : min(end, start + 40 + payloadLength)
        var next = bytes[start + 6]
        var position = start + 40
        var fragment = false
        // Hop-by-hop, routing, fragment and destination options precede the payload.
        while [0, 43, 44, 60].contains(next) {
            guard payloadEnd - position >= 8 else { return nil }
            if next == 44 {
                fragment = true
                next = bytes[position]
                position += 8
            } else {
                let length = (Int(bytes[position + 1]) + 1) * 8
                next = bytes[position]
                position += length
            }
        }
        guard position <= payloadEnd else { return nil }
        return IPPacket(
            source: IPAddress(ipv6: bytes, at: start + 8), destination: IPAddress(ipv6: bytes, at: start + 24),
            protocolNumber: next, payload: position..<payloadEnd, isFragment: fragment, isIPv6: true)
    }
}
