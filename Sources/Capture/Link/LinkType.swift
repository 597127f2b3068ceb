/// A link-layer header type, by its LINKTYPE_ number (tcpdump.org/linktypes.html).
struct LinkType: Hashable, Sendable {
    var rawValue: UInt32

    static let null = LinkType(rawValue: 0)
    static let ethernet = LinkType(rawValue: 1)
    static let rawIP = LinkType(rawValue: 101)
    /// DLT_RAW's number on most BSDs and Linux before LINKTYPE_RAW existed.
    static let rawIPLegacy = LinkType(rawValue: 12)
    static let rawIPOpenBSD = LinkType(rawValue: 14)
    static let loop = LinkType(rawValue: 108)
    static let linuxSLL = LinkType(rawValue: 113)
    static let ipv4 = LinkType(rawValue: 228)
    static let ipv6 = LinkType(rawValue: 229)
    static let linuxSLL2 = LinkType(rawValue: 276)

    var name: String {
        switch self {
        case .null: return "BSD loopback (NULL)"
        case .ethernet: return "Ethernet"
        case .rawIP, .rawIPLegacy, .rawIPOpenBSD: return "raw IP"
        case .loop: return "OpenBSD loopback (LOOP)"
        case .linuxSLL: return "Linux cooked (SLL)"
        case .ipv4: return "raw IPv4"
        case .ipv6: return "raw IPv6"
        case .linuxSLL2: return "Linux cooked v2 (SLL2)"
        default: return "link type \(rawValue)"
        }
    }
}
