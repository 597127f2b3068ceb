/// What a link-layer header says about the packet it carries.
struct LinkPayload {
    enum Network { case ipv4, ipv6, other(UInt16) }
    var network: Network
    /// Where the network-layer header starts in the file.
    var offset: Int
    /// 802.1Q/802.1ad tags crossed, outermost first.
    var vlans: [UInt16] = []
}

/// Strips the link-layer header of a frame: Ethernet (with VLAN tags), Linux cooked
/// SLL and SLL2, BSD loopback and raw IP.
enum LinkDecoder {
    /// Nil when the header is cut short or the link type is unknown.
    static func decode(_ frame: Frame, in bytes: UnsafeRawBufferPointer) -> LinkPayload? {
        let start = frame.offset
        let end = frame.offset + frame.capturedLength
        switch frame.link {
        case .ethernet: return ethernet(start, end, bytes)
        case .linuxSLL:
            guard end - start >= 16 else { return nil }
            return LinkPayload(network: network(etherType: bytes.u16(start + 14)), offset: start + 16)
        case .linuxSLL2:
            guard end - start >= 20 else { return nil }
            return LinkPayload(network: network(etherType: bytes.u16(start)), offset: start + 20)
        case .null, .loop:
            guard end - start >= 4 else { return nil }
            // NULL stores the family in the byte order of the machine that captured;
            // a family fits in one byte, so the order shows itself. LOOP is big-endian.
            let family = frame.link == .loop || bytes[start] == 0 ? bytes.u32(start, .big) : bytes.u32(start, .little)
            switch family {
            case 2: return LinkPayload(network: .ipv4, offset: start + 4)
            case 10, 24, 28, 30: return LinkPayload(network: .ipv6, offset: start + 4)
            default: return LinkPayload(network: .other(UInt16(truncatingIfNeeded: family)), offset: start + 4)
            }
        case .rawIP, .rawIPLegacy, .rawIPOpenBSD, .ipv4, .ipv6:
            guard end > start else { return nil }
            switch bytes[start] >> 4 {
            case 4: return LinkPayload(network: .ipv4, offset: start)
            case 6: return LinkPayload(network: .ipv6, offset: start)
            default: return LinkPayload(network: .other(0), offset: start)
            }
        default:
            return nil
        }
    }

    private static func ethernet(_ start: Int, _ end: Int, _ bytes: UnsafeRawBufferPointer) -> LinkPayload? {
        guard end - start >= 14 else { return nil }
        var position = start + 12
        var vlans: [UInt16] = []
        var type = bytes.u16(position)
        while type == 0x8100 || type == 0x88a8 || type == 0x9100 {
            guard end - position >= 6 else { return nil }
            vlans.append(bytes.u16(position + 2) & 0x0fff)
            position += 4
            type = bytes.u16(position)
        }
        return LinkPayload(network: network(etherType: type), offset: position + 2, vlans: vlans)
    }

    private static func network(etherType: UInt16) -> LinkPayload.Network {
        switch etherType {
        case 0x0800: return .ipv4
        case 0x86dd: return .ipv6
        default: return .other(etherType)
        }
    }
}
