import Crypto
import Testing
@testable import Capture

@Suite("Key schedules")
struct KeyScheduleTests {
    /// TLS 1.2 PRF test vector posted to the IETF TLS WG list ("TLS 1.2 PRF test
    /// vectors", 2010; used by Go, Botan, mbedTLS); output re-derived here with
    /// `openssl kdf -keylen 100 -kdfopt digest:SHA2-256 -kdfopt hexsecret:… -kdfopt
    /// hexseed:<"test label" || seed> TLS1-PRF`, which printed the same bytes.
    @Test("HKDF-Expand of one block, and of several, equals swift-crypto's", arguments: [
        (TLSHash.sha256, 12), (.sha256, 16), (.sha256, 32), (.sha256, 33), (.sha256, 80), (.sha384, 32), (.sha384, 48), (.sha384, 100),
    ])
    func hkdfExpandMatchesTheGeneralConstruction(hash: TLSHash, length: Int) {
        let prk = (0..<hash.length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let info = Array("tls13 key".utf8) + [0]
        let expected: SymmetricKey = switch hash {
        case .sha256: HKDF<SHA256>.expand(pseudoRandomKey: prk, info: info, outputByteCount: length)
        case .sha384: HKDF<SHA384>.expand(pseudoRandomKey: prk, info: info, outputByteCount: length)
        }
        #expect(hash.hkdfExpand(prk: prk, info: info, length: length) == expected.withUnsafeBytes { Array($0) })
    }

    @Test("P_SHA256 PRF vector")
    func prfSHA256() {
        let output = TLS12KeySchedule.prf(
            hash: .sha256, secret: h("9b be 43 6b a9 40 f0 17 b1 76 52 84 9a 71 db 35"),
            label: "test label", seed: h("a0 ba 9f 93 6c da 31 18 27 a6 f7 96 ff d5 19 8c"), length: 100
        )
        #expect(hex(output) == hex(h("""
            e3 f2 29 ba 72 7b e1 7b 8d 12 26 20 55 7c d4 53 c2 aa b2 1d 07 c3 d4 95 32 9b 52 d4 e6 1e db 5a
            6b 30 17 91 e9 0d 35 c9 c9 a4 6b 4e 14 ba f9 af 0f a0 22 f7 07 7d ef 17 ab fd 37 97 c0 56 4b ab
            4f bc 91 66 6e 9d ef 9b 97 fc e3 4f 79 67 89 ba a4 80 82 d1 22 ee 42 c5 a7 2e 5a 51 10 ff f7 01
            87 34 7b 66
            """)))
    }

    /// The P_SHA384 vector of the same posting, also checked with `openssl kdf
    /// -keylen 148 -kdfopt digest:SHA2-384 … TLS1-PRF`.
    @Test("P_SHA384 PRF vector")
    func prfSHA384() {
        let output = TLS12KeySchedule.prf(
            hash: .sha384, secret: h("b8 0b 73 3d 6c ee fc dc 71 56 6e a4 8e 55 67 df"),
            label: "test label", seed: h("cd 66 5c f6 a8 44 7d d6 ff 8b 27 55 5e db 74 65"), length: 148
        )
        #expect(hex(output) == hex(h("""
            7b 0c 18 e9 ce d4 10 ed 18 04 f2 cf a3 4a 33 6a 1c 14 df fb 49 00 bb 5f d7 94 21 07 e8 1c 83 cd
            e9 ca 0f aa 60 be 9f e3 4f 82 b1 23 3c 91 46 a0 e5 34 cb 40 0f ed 27 00 88 4f 9d c2 36 f8 0e dd
            8b fa 96 11 44 c9 e8 d7 92 ec a7 22 a7 b3 2f c3 d4 16 d4 73 eb c2 c5 fd 4a bf da d0 5d 91 84 25
            9b 5b f8 cd 4d 90 fa 0d 31 e2 de c4 79 e4 f1 a2 60 66 f2 ee a9 a6 92 36 a3 e5 26 55 c9 e9 ae e6
            91 c8 f3 a2 68 54 30 8d 5e aa 3b e8 5e 09 90 70 3d 73 e5 6f
            """)))
    }

    @Test("key update: traffic upd of RFC 8448's client application secret, as OpenSSL derives it")
    func keyUpdate() {
        let next = TLS13KeySchedule.nextApplicationSecret(hash: .sha256, secret: h(RFC8448.clientApplicationTrafficSecret))
        #expect(hex(next) == OpenSSLVectors.clientApplicationTrafficSecret1)
    }

    @Test("TLS 1.2 key block layout: keys then IVs, client before server")
    func keyBlockLayout() throws {
        let suite = try #require(CipherSuite.tls12(0xC02F))
        let master = randomBytes(48), clientRandom = randomBytes(32), serverRandom = randomBytes(32)
        let block = TLS12KeySchedule.prf(hash: .sha256, secret: master, label: "key expansion",
                                         seed: serverRandom + clientRandom, length: 40)
        let keys = TLS12KeySchedule.trafficKeys(suite: suite, masterSecret: master, clientRandom: clientRandom, serverRandom: serverRandom)
        #expect(keys.client.key == Array(block[0..<16]))
        #expect(keys.server.key == Array(block[16..<32]))
        #expect(keys.client.iv == Array(block[32..<36]))
        #expect(keys.server.iv == Array(block[36..<40]))
    }

    @Test("per-record nonce XORs the sequence into the IV's low bytes")
    func xorNonce() {
        let keys = TrafficKeys(aead: .aesGCM, key: [], iv: h("5d313eb2671276ee13000b30"))
        #expect(hex(keys.xorNonce(sequence: 0)) == "5d313eb2671276ee13000b30")
        #expect(hex(keys.xorNonce(sequence: 1)) == "5d313eb2671276ee13000b31")
        #expect(hex(keys.xorNonce(sequence: 0x0102_0304_0506_0708)) == "5d313eb2661075ea16060c38")
    }
}
