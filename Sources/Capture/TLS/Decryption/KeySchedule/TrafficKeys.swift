import Crypto

// MARK: - Keys of one direction

/// An AEAD key and the IV (TLS 1.3 / TLS 1.2 ChaCha) or salt (TLS 1.2 GCM) that its
/// nonces are built from.
struct TrafficKeys: Sendable, Hashable {
    let aead: AEADAlgorithm
    let key: [UInt8]
    let iv: [UInt8]
    /// The key as swift-crypto holds it, made once for all the records it opens.
    let symmetricKey: SymmetricKey

    init(aead: AEADAlgorithm, key: [UInt8], iv: [UInt8]) {
        self.aead = aead
        self.key = key
        self.iv = iv
        symmetricKey = SymmetricKey(data: key)
    }

    static func == (a: TrafficKeys, b: TrafficKeys) -> Bool {
        a.aead == b.aead && a.key == b.key && a.iv == b.iv
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(aead)
        hasher.combine(key)
        hasher.combine(iv)
    }

    /// The "per-record nonce" of RFC 8446 §5.3 and RFC 7905 §2: the sequence number,
    /// big-endian and left-padded to the IV length, XORed into the IV.
    func xorNonce(sequence: UInt64) -> [UInt8] {
        var nonce = iv
        for index in 0..<8 where index < nonce.count {
            let shift = UInt64(8 * index)
            nonce[nonce.count - 1 - index] ^= UInt8(truncatingIfNeeded: sequence >> shift)
        }
        return nonce
    }
}
