import Testing

@testable import Capture

/// Each link type leads to the same TCP conversation, and IPv6 reads like IPv4.
@Suite struct LinkTests {
    typealias P = PacketBuilder

    /// A one-request conversation wrapped in `wrap`, read back as a report.
    func report(link: UInt32, wrap: @escaping ([UInt8]) -> [UInt8], ipv6: Bool = false) throws -> CaptureReport {
        var conversation = Conversation()
        conversation.frame = { tcp, _ in wrap(ipv6 ? P.ipv6(payload: tcp) : P.ipv4(payload: tcp)) }
        conversation.handshake()
        conversation.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#))
        conversation.send(fromClient: false, jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{}}"#))
        conversation.close()
        return try analyze(conversation.pcap(link: link))
    }

    func expectOneExchange(_ report: CaptureReport, link: String, network: String = "IPv4") {
        #expect(report.connections.count == 1)
        #expect(report.connections.first?.layers.link == link)
        #expect(report.connections.first?.layers.network == network)
        #expect(report.connections.first?.handshake.map(\.flags) == ["SYN", "SYN, ACK", "ACK"])
        #expect(report.connections.first?.jsonrpc.map(\.kind) == ["request", "result"])
        #expect(report.otherPackets == OtherPackets(notTCP: 0, fragments: 0, undecodable: 0))
    }

    @Test func ethernet() throws { expectOneExchange(try report(link: 1, wrap: { P.ethernet($0) }), link: "Ethernet") }

    @Test func ethernetWithStackedVLANTags() throws {
        expectOneExchange(try report(link: 1, wrap: { P.ethernet($0, vlans: [100, 200]) }), link: "Ethernet (VLAN 100, 200)")
    }

    @Test func linuxCooked() throws { expectOneExchange(try report(link: 113, wrap: { P.sll($0) }), link: "Linux cooked (SLL)") }

    @Test func linuxCookedV2() throws { expectOneExchange(try report(link: 276, wrap: { P.sll2($0) }), link: "Linux cooked v2 (SLL2)") }

    @Test func bsdLoopback() throws { expectOneExchange(try report(link: 0, wrap: { P.null($0) }), link: "BSD loopback (NULL)") }

    @Test func bsdLoopbackBigEndianIPv6() throws {
        let report = try report(link: 0, wrap: { P.be32(30) + $0 }, ipv6: true)
        expectOneExchange(report, link: "BSD loopback (NULL)", network: "IPv6")
        #expect(report.connections.first?.client == "[::1]:50000")
    }

    @Test func rawIP() throws { expectOneExchange(try report(link: 101, wrap: { $0 }), link: "raw IP") }

    @Test func ipv6OverEthernet() throws {
        expectOneExchange(try report(link: 1, wrap: { P.ethernet($0, etherType: 0x86dd) }, ipv6: true), link: "Ethernet", network: "IPv6")
    }

    @Test func fragmentsAndOtherProtocolsAreCountedNotDissected() throws {
        let udp = P.ethernet(P.ipv4(protocolNumber: 17, payload: [0, 53, 0, 53, 0, 8, 0, 0]))
        let fragment = P.ethernet(P.ipv4(fragment: 0x2000, payload: P.tcp(source: 1, destination: 2, sequence: 0, flags: .syn)))
        let arp = P.ethernet(Array(repeating: 0, count: 28), etherType: 0x0806)
        let report = try analyze(CaptureBuilder.pcap([udp, fragment, arp].map { TestPacket(seconds: 1, fraction: 0, bytes: $0) }))
        #expect(report.otherPackets == OtherPackets(notTCP: 1, fragments: 1, undecodable: 1))
        #expect(report.connections.isEmpty)
    }

    @Test func addressesPrintAsTheirRFCsWriteThem() throws {
        #expect(IPAddress("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddress("fe80:0:0:0:1:0:0:1")?.description == "fe80::1:0:0:1")
        #expect(IPAddress("10.0.0.255")?.description == "10.0.0.255")
        #expect(IPAddress("10.0.0.256") == nil)
        #expect(HostFilter("[::1]") != nil)
    }
}
