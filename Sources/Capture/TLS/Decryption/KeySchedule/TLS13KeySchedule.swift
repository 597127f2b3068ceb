// MARK: - TLS 1.3 key schedule (RFC 8446 §7.1, §7.2, §7.3)

/// The part of the TLS 1.3 key schedule below the traffic secrets: the key log gives
/// the traffic secrets, so only the traffic keys and key updates are derived here.
enum TLS13KeySchedule {
    /// HKDF-Expand-Label(Secret, Label, Context, Length) of RFC 8446 §7.1.
    static func expandLabel(hash: TLSHash, secret: [UInt8], label: String, context: [UInt8], length: Int) -> [UInt8] {
        let fullLabel = Array("tls13 ".utf8) + Array(label.utf8)
        var info: [UInt8] = [UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)]
        info.append(UInt8(truncatingIfNeeded: fullLabel.count))
        info += fullLabel
        info.append(UInt8(truncatingIfNeeded: context.count))
        info += context
        return hash.hkdfExpand(prk: secret, info: info, length: length)
    }

    /// The write key and IV of a traffic secret (RFC 8446 §7.3).
    static func trafficKeys(suite: CipherSuite, secret: [UInt8]) -> TrafficKeys {
        TrafficKeys(
            aead: suite.aead,
            key: expandLabel(hash: suite.hash, secret: secret, label: "key", context: [], length: suite.keyLength),
            iv: expandLabel(hash: suite.hash, secret: secret, label: "iv", context: [], length: 12)
        )
    }

    /// application_traffic_secret_N+1 after a KeyUpdate (RFC 8446 §7.2).
    static func nextApplicationSecret(hash: TLSHash, secret: [UInt8]) -> [UInt8] {
        expandLabel(hash: hash, secret: secret, label: "traffic upd", context: [], length: hash.length)
    }
}
