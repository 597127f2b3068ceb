/// Names of TLS versions, cipher suites and groups, as IANA registers them, for the
/// values a capture of today's clients shows; others print as hex.
enum TLSNames {
    /// GREASE values (RFC 8701) are reserved noise that clients mix into their lists.
    static func isGrease(_ value: UInt16) -> Bool { value & 0x0f0f == 0x0a0a && value >> 8 == value & 0xff }

    static func version(_ value: UInt16) -> String {
        switch value {
        case 0x0304: return "TLS 1.3"
        case 0x0303: return "TLS 1.2"
        case 0x0302: return "TLS 1.1"
        case 0x0301: return "TLS 1.0"
        case 0x0300: return "SSL 3.0"
        default: return isGrease(value) ? "GREASE" : hex(value)
        }
    }

    static func cipherSuite(_ value: UInt16) -> String {
        if let name = suites[value] { return name }
        return isGrease(value) ? "GREASE" : hex(value)
    }

    static func group(_ value: UInt16) -> String {
        if let name = groups[value] { return name }
        return isGrease(value) ? "GREASE" : hex(value)
    }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    private static let suites: [UInt16: String] = [
        0x1301: "TLS_AES_128_GCM_SHA256",
        0x1302: "TLS_AES_256_GCM_SHA384",
        0x1303: "TLS_CHACHA20_POLY1305_SHA256",
        0x1304: "TLS_AES_128_CCM_SHA256",
        0x1305: "TLS_AES_128_CCM_8_SHA256",
        0xc02b: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        0xc02c: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        0xc02f: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        0xc030: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        0xcca8: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        0xcca9: "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        0xc009: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        0xc00a: "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        0xc013: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        0xc014: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        0xc023: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        0xc024: "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        0xc027: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        0xc028: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        0x009c: "TLS_RSA_WITH_AES_128_GCM_SHA256",
        0x009d: "TLS_RSA_WITH_AES_256_GCM_SHA384",
        0x009e: "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        0x009f: "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        0xccaa: "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        0x002f: "TLS_RSA_WITH_AES_128_CBC_SHA",
        0x0035: "TLS_RSA_WITH_AES_256_CBC_SHA",
        0x003c: "TLS_RSA_WITH_AES_128_CBC_SHA256",
        0x003d: "TLS_RSA_WITH_AES_256_CBC_SHA256",
        0x000a: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
        0x00ff: "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
        0x5600: "TLS_FALLBACK_SCSV",
    ]

    private static let groups: [UInt16: String] = [
        0x0017: "secp256r1",
        0x0018: "secp384r1",
        0x0019: "secp521r1",
        0x001d: "x25519",
        0x001e: "x448",
        0x0100: "ffdhe2048",
        0x0101: "ffdhe3072",
        0x0102: "ffdhe4096",
        0x0103: "ffdhe6144",
        0x0104: "ffdhe8192",
        0x0200: "MLKEM512",
        0x0201: "MLKEM768",
        0x0202: "MLKEM1024",
        0x11eb: "SecP256r1MLKEM768",
        0x11ec: "X25519MLKEM768",
        0x11ed: "SecP384r1MLKEM1024",
        0x6399: "X25519Kyber768Draft00",
        0x639a: "SecP256r1Kyber768Draft00",
    ]
}
