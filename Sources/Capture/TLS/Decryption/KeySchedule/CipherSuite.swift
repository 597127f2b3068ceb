// MARK: - Supported cipher suites

/// The AEAD a suite protects records with.
enum AEADAlgorithm: Sendable, Hashable {
    case aesGCM
    case chaCha20Poly1305
}

/// What decryption needs to know about a cipher suite. Only AEAD suites: CBC and
/// stream suites (and TLS 1.3 CCM) are reported as unsupported.
struct CipherSuite: Sendable, Hashable {
    let code: UInt16
    let aead: AEADAlgorithm
    let hash: TLSHash
    let keyLength: Int

    /// TLS 1.3 suites (RFC 8446 §B.4).
    static func tls13(_ code: UInt16) -> CipherSuite? {
        switch code {
        case 0x1301: CipherSuite(code: code, aead: .aesGCM, hash: .sha256, keyLength: 16)
        case 0x1302: CipherSuite(code: code, aead: .aesGCM, hash: .sha384, keyLength: 32)
        case 0x1303: CipherSuite(code: code, aead: .chaCha20Poly1305, hash: .sha256, keyLength: 32)
        default: nil
        }
    }

    /// TLS 1.2 AEAD suites: AES-GCM (RFC 5288, RFC 5289) and ChaCha20-Poly1305 (RFC 7905).
    /// The hash is the PRF's.
    static func tls12(_ code: UInt16) -> CipherSuite? {
        switch code {
        case 0xC02F, 0xC02B, 0x009C, 0x009E: // ECDHE-RSA, ECDHE-ECDSA, RSA, DHE-RSA AES128-GCM-SHA256
            CipherSuite(code: code, aead: .aesGCM, hash: .sha256, keyLength: 16)
        case 0xC030, 0xC02C, 0x009D, 0x009F: // ... AES256-GCM-SHA384
            CipherSuite(code: code, aead: .aesGCM, hash: .sha384, keyLength: 32)
        case 0xCCA8, 0xCCA9, 0xCCAA: // ECDHE-RSA, ECDHE-ECDSA, DHE-RSA CHACHA20-POLY1305
            CipherSuite(code: code, aead: .chaCha20Poly1305, hash: .sha256, keyLength: 32)
        default: nil
        }
    }

    /// Length of the per-direction IV in the TLS 1.2 key block: the 4-byte implicit
    /// salt for GCM, the whole 12-byte nonce mask for ChaCha20-Poly1305.
    var tls12FixedIVLength: Int {
        aead == .aesGCM ? 4 : 12
    }
}
