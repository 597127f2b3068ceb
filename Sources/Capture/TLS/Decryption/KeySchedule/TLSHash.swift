import Crypto

// MARK: - The suite's hash

/// The hash a cipher suite names, with the two constructions built on it that the
/// key schedules need (HMAC for the TLS 1.2 PRF, HKDF-Expand for TLS 1.3).
enum TLSHash: Sendable, Hashable {
    case sha256
    case sha384

    var length: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        }
    }

    func hmac(key: [UInt8], data: [UInt8]) -> [UInt8] {
        let key = SymmetricKey(data: key)
        switch self {
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: data, using: key))
        case .sha384: return Array(HMAC<SHA384>.authenticationCode(for: data, using: key))
        }
    }

    /// HKDF-Expand (RFC 5869 §2.3) with `prk` used as is (TLS 1.3 secrets are PRKs).
    ///
    /// What TLS 1.3 expands (keys, IVs, next secrets) fits in one hash, `T(1) =
    /// HMAC(PRK, info | 0x01)`: one HMAC, without the intermediate buffers of the
    /// general construction, which every connection of a capture paid several times over.
    func hkdfExpand(prk: [UInt8], info: [UInt8], length: Int) -> [UInt8] {
        guard length > self.length else {
            var block = info
            block.append(1)
            return Array(hmac(key: prk, data: block).prefix(length))
        }
        let output: SymmetricKey
        switch self {
        case .sha256: output = HKDF<SHA256>.expand(pseudoRandomKey: prk, info: info, outputByteCount: length)
        case .sha384: output = HKDF<SHA384>.expand(pseudoRandomKey: prk, info: info, outputByteCount: length)
        }
        return output.withUnsafeBytes { Array($0) }
    }
}
