// MARK: - TLS 1.2 key schedule (RFC 5246 §5, §6.3)

/// Key expansion from the master secret the key log gives (CLIENT_RANDOM lines).
enum TLS12KeySchedule {
    /// PRF(secret, label, seed) = P_<hash>(secret, label + seed), cut to `length`
    /// (RFC 5246 §5).
    static func prf(hash: TLSHash, secret: [UInt8], label: String, seed: [UInt8], length: Int) -> [UInt8] {
        let labelAndSeed = Array(label.utf8) + seed
        var output: [UInt8] = []
        output.reserveCapacity(length + hash.length)
        var a = labelAndSeed // A(0)
        while output.count < length {
            a = hash.hmac(key: secret, data: a) // A(i) = HMAC(secret, A(i-1))
            output += hash.hmac(key: secret, data: a + labelAndSeed)
        }
        return Array(output.prefix(length))
    }

    /// The client and server write keys of an AEAD suite, cut from the key block
    /// (RFC 5246 §6.3). AEAD suites have no MAC keys.
    static func trafficKeys(
        suite: CipherSuite, masterSecret: [UInt8], clientRandom: [UInt8], serverRandom: [UInt8]
    ) -> (client: TrafficKeys, server: TrafficKeys) {
        let ivLength = suite.tls12FixedIVLength
        let block = prf(
            hash: suite.hash, secret: masterSecret, label: "key expansion",
            seed: serverRandom + clientRandom, length: 2 * (suite.keyLength + ivLength)
        )
        var offset = 0
        func take(_ count: Int) -> [UInt8] {
            defer { offset += count }
            return Array(block[offset..<offset + count])
        }
        let clientKey = take(suite.keyLength)
        let serverKey = take(suite.keyLength)
        let clientIV = take(ivLength)
        let serverIV = take(ivLength)
        return (
            TrafficKeys(aead: suite.aead, key: clientKey, iv: clientIV),
            TrafficKeys(aead: suite.aead, key: serverKey, iv: serverIV)
        )
    }
}
