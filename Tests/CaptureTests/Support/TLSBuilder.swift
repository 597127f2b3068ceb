/// Builds TLS records and hellos as a client and server of 2026 send them.
enum TLSBuilder {
    typealias P = PacketBuilder

    static func record(_ type: UInt8, _ body: [UInt8], version: UInt16 = 0x0303) -> [UInt8] {
        [type] + P.be16(version) + P.be16(UInt16(body.count)) + body
    }

    static func handshake(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type, UInt8(body.count >> 16), UInt8((body.count >> 8) & 0xff), UInt8(body.count & 0xff)] + body
    }

    static func `extension`(_ type: UInt16, _ data: [UInt8]) -> [UInt8] { P.be16(type) + P.be16(UInt16(data.count)) + data }

    static let clientRandom: [UInt8] = (0..<32).map { UInt8($0) }
    static let serverRandom: [UInt8] = (0..<32).map { UInt8(0xff - $0) }

    /// A ClientHello with an X25519MLKEM768 key share (1216 bytes) and an x25519 one:
    /// about 1.5 KB, more than one loopback-free segment holds.
    static func clientHello(serverName: String = "mcp.example.com") -> [UInt8] {
        let name = Array(serverName.utf8)
        let sni = P.be16(UInt16(name.count + 3)) + [0] + P.be16(UInt16(name.count)) + name
        let groups: [UInt16] = [0x3a3a, 0x11ec, 0x001d, 0x0017, 0x0018]
        let shares = P.be16(0x11ec) + P.be16(1216) + Array(repeating: 0xab, count: 1216) + P.be16(0x001d) + P.be16(32) + Array(repeating: 0xcd, count: 32)
        let alpn = [UInt8(2)] + Array("h2".utf8) + [UInt8(8)] + Array("http/1.1".utf8)
        let extensions = `extension`(0, sni)
            + `extension`(10, P.be16(UInt16(groups.count * 2)) + groups.flatMap(P.be16))
            + `extension`(16, P.be16(UInt16(alpn.count)) + alpn)
            + `extension`(43, [6] + P.be16(0x4a4a) + P.be16(0x0304) + P.be16(0x0303))
            + `extension`(51, P.be16(UInt16(shares.count)) + shares)
        let suites: [UInt16] = [0x1301, 0x1302, 0x1303, 0xc02b]
        let body = P.be16(0x0303) + clientRandom + [32] + Array(repeating: 7, count: 32)
            + P.be16(UInt16(suites.count * 2)) + suites.flatMap(P.be16) + [1, 0]
            + P.be16(UInt16(extensions.count)) + extensions
        return record(22, handshake(1, body), version: 0x0301)
    }

    static func serverHello() -> [UInt8] {
        let extensions = `extension`(43, P.be16(0x0304)) + `extension`(51, P.be16(0x11ec) + P.be16(4) + [1, 2, 3, 4])
        let body = P.be16(0x0303) + serverRandom + [32] + Array(repeating: 7, count: 32) + P.be16(0x1302) + [0]
            + P.be16(UInt16(extensions.count)) + extensions
        return record(22, handshake(2, body))
    }

    static let changeCipherSpec = record(20, [1])

    static func applicationData(_ bytes: [UInt8]) -> [UInt8] { record(23, bytes) }
}
