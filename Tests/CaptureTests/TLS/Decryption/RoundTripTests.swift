import Testing
@testable import Capture

// MARK: - TLS 1.3

@Suite("TLS 1.3 round trips")
struct TLS13RoundTripTests {
    static let suites: [(code: UInt16, aead: TestAEAD, hashLength: Int)] = [
        (0x1301, .aesGCM, 32), (0x1302, .aesGCM, 48), (0x1303, .chaCha, 32),
    ]

    /// A random session: secrets, a key log naming them, and the facts.
    struct Session {
        let code: UInt16
        let aead: TestAEAD
        let handshakeSecret: [UInt8]
        let applicationSecret: [UInt8]
        let facts: TLSSessionFacts
        let keyLog: KeyLog

        init(code: UInt16, aead: TestAEAD, hashLength: Int, direction: TLSDirection) {
            self.code = code
            self.aead = aead
            handshakeSecret = randomBytes(hashLength)
            applicationSecret = randomBytes(hashLength)
            let clientRandom = randomBytes(32)
            facts = TLSSessionFacts(version: 0x0304, cipherSuite: code, clientRandom: clientRandom, serverRandom: randomBytes(32))
            let prefix = direction == .serverToClient ? "SERVER" : "CLIENT"
            let other = direction == .serverToClient ? "CLIENT" : "SERVER"
            keyLog = KeyLog(text: """
                \(other)_HANDSHAKE_TRAFFIC_SECRET \(hex(clientRandom)) \(hex(randomBytes(hashLength)))
                \(prefix)_HANDSHAKE_TRAFFIC_SECRET \(hex(clientRandom)) \(hex(handshakeSecret))
                \(prefix)_TRAFFIC_SECRET_0 \(hex(clientRandom)) \(hex(applicationSecret))
                EXPORTER_SECRET \(hex(clientRandom)) \(hex(randomBytes(hashLength)))
                """)
        }

        func keys(_ secret: [UInt8]) throws -> (key: [UInt8], iv: [UInt8]) {
            let suite = try #require(CipherSuite.tls13(code))
            let keys = TLS13KeySchedule.trafficKeys(suite: suite, secret: secret)
            return (keys.key, keys.iv)
        }

        func sender(_ secret: [UInt8]) throws -> TLS13Sender {
            let k = try keys(secret)
            return TLS13Sender(aead: aead, key: k.key, iv: k.iv)
        }
    }

    @Test("handshake → application → KeyUpdate, with padding and split messages", arguments: suites)
    func fullStream(suite: (code: UInt16, aead: TestAEAD, hashLength: Int)) throws {
        let session = Session(code: suite.code, aead: suite.aead, hashLength: suite.hashLength, direction: .serverToClient)
        var decryptor = DirectionDecryptor(facts: session.facts, direction: .serverToClient, keyLog: session.keyLog)
        var sender = try session.sender(session.handshakeSecret)

        // Cleartext ServerHello and compatibility CCS pass through untouched.
        let hello = WireRecord(contentType: 22, payload: handshakeMessage(type: 2, body: randomBytes(70)))
        #expect(try decryptor.decrypt(hello).get() == OpenedRecord(contentType: 22, plaintext: hello.payload, protection: .cleartext))
        #expect(try decryptor.decrypt(WireRecord(contentType: 20, payload: [1])).get().protection == .cleartext)

        // EncryptedExtensions + the start of a Certificate; the rest of it, and a
        // Finished, in the next record. A 0x14 byte inside the certificate must not
        // be taken for Finished.
        let encryptedExtensions = handshakeMessage(type: 8, body: [0, 0])
        let certificate = handshakeMessage(type: 11, body: [UInt8](repeating: 0x14, count: 300))
        let finished = handshakeMessage(type: 20, body: randomBytes(suite.hashLength))
        let first = encryptedExtensions + certificate.prefix(100)
        let second = Array(certificate.dropFirst(100)) + finished
        let r1 = try decryptor.decrypt(try sender.seal(type: 22, first, padding: 7)).get()
        #expect(r1 == OpenedRecord(contentType: 22, plaintext: first, protection: .handshakeTraffic(sequence: 0)))
        let r2 = try decryptor.decrypt(try sender.seal(type: 22, second)).get()
        #expect(r2 == OpenedRecord(contentType: 22, plaintext: second, protection: .handshakeTraffic(sequence: 1)))

        // Application data under generation 0.
        var secret = session.applicationSecret
        sender = try session.sender(secret)
        for sequence in 0..<3 as Range<UInt64> {
            let body = Array("{\"jsonrpc\":\"2.0\",\"id\":\(sequence)}".utf8)
            let record = try decryptor.decrypt(try sender.seal(type: 23, body, padding: Int(sequence) * 5)).get()
            #expect(record == OpenedRecord(contentType: 23, plaintext: body, protection: .applicationTraffic(generation: 0, sequence: sequence)))
        }

        // KeyUpdate (update_not_requested) is the last record under generation 0.
        let keyUpdate = handshakeMessage(type: 24, body: [0])
        let update = try decryptor.decrypt(try sender.seal(type: 22, keyUpdate)).get()
        #expect(update.protection == .applicationTraffic(generation: 0, sequence: 3))
        #expect(update.plaintext == keyUpdate)

        // Generation 1 and 2 follow, each from sequence 0.
        for generation in 1...2 {
            let hash: TLSHash = suite.hashLength == 48 ? .sha384 : .sha256
            secret = TLS13KeySchedule.nextApplicationSecret(hash: hash, secret: secret)
            sender = try session.sender(secret)
            let body = Array("after update \(generation)".utf8)
            let record = try decryptor.decrypt(try sender.seal(type: 23, body)).get()
            #expect(record == OpenedRecord(contentType: 23, plaintext: body, protection: .applicationTraffic(generation: generation, sequence: 0)))
            if generation == 1 {
                _ = try decryptor.decrypt(try sender.seal(type: 22, keyUpdate, padding: 3)).get()
            }
        }
    }

    @Test("a flipped byte fails at its sequence number and the stream goes on", arguments: suites)
    func corruptRecord(suite: (code: UInt16, aead: TestAEAD, hashLength: Int)) throws {
        let session = Session(code: suite.code, aead: suite.aead, hashLength: suite.hashLength, direction: .clientToServer)
        var decryptor = DirectionDecryptor(facts: session.facts, direction: .clientToServer, keyLog: session.keyLog)
        var sender = try session.sender(session.handshakeSecret)
        _ = try decryptor.decrypt(try sender.seal(type: 22, handshakeMessage(type: 20, body: randomBytes(32)))).get()
        sender = try session.sender(session.applicationSecret)
        _ = try decryptor.decrypt(try sender.seal(type: 23, [1, 2, 3])).get()
        _ = try decryptor.decrypt(try sender.seal(type: 23, [4, 5, 6])).get()
        for index in [0, 8, 19] { // ciphertext, inner type byte, tag
            let bad = try sender.seal(type: 23, Array("tampered".utf8)).corrupted(at: index)
            #expect(decryptor.decrypt(bad).failure == .authenticationFailed(sequence: sender.sequence - 1))
        }
        // A record header that differs from the one sealed (the AAD) fails too.
        var badHeader = try sender.seal(type: 23, [7])
        badHeader.legacyVersion = 0x0301
        #expect(decryptor.decrypt(badHeader).failure == .authenticationFailed(sequence: 5))
        let good = try decryptor.decrypt(try sender.seal(type: 23, [8])).get()
        #expect(good.protection == .applicationTraffic(generation: 0, sequence: 6))
    }

    @Test("a lost Finished or KeyUpdate record: the next epoch's keys are tried")
    func lostEpochChange() throws {
        let session = Session(code: 0x1301, aead: .aesGCM, hashLength: 32, direction: .serverToClient)
        var decryptor = DirectionDecryptor(facts: session.facts, direction: .serverToClient, keyLog: session.keyLog)
        // The record with Finished never reaches the decryptor.
        var sender = try session.sender(session.applicationSecret)
        let data = try decryptor.decrypt(try sender.seal(type: 23, [42])).get()
        #expect(data.protection == .applicationTraffic(generation: 0, sequence: 0))
        // Nor the KeyUpdate.
        _ = try sender.seal(type: 22, handshakeMessage(type: 24, body: [1]))
        sender = try session.sender(TLS13KeySchedule.nextApplicationSecret(hash: .sha256, secret: session.applicationSecret))
        let later = try decryptor.decrypt(try sender.seal(type: 23, [43])).get()
        #expect(later.protection == .applicationTraffic(generation: 1, sequence: 0))
    }

    @Test("malformed records are reported, not trapped on")
    func malformed() throws {
        let session = Session(code: 0x1303, aead: .chaCha, hashLength: 32, direction: .serverToClient)
        var decryptor = DirectionDecryptor(facts: session.facts, direction: .serverToClient, keyLog: session.keyLog)
        let tooShort = "shorter than the tag and content type"
        #expect(decryptor.decrypt(WireRecord(contentType: 23, payload: [])).failure == .malformedRecord(sequence: 0, reason: tooShort))
        #expect(decryptor.decrypt(WireRecord(contentType: 23, payload: randomBytes(16))).failure == .malformedRecord(sequence: 1, reason: tooShort))
        // An inner plaintext of only zeros has no content type (RFC 8446 §5.4).
        var sender = try session.sender(session.handshakeSecret)
        sender.sequence = 2
        let allPadding = try sender.seal(type: 0, [], padding: 10)
        #expect(decryptor.decrypt(allPadding).failure == .malformedRecord(sequence: 2, reason: "inner plaintext has no content type"))
        #expect(try decryptor.decrypt(try sender.seal(type: 21, [1, 0])).get().protection == .handshakeTraffic(sequence: 3))
    }

    @Test("unsupported TLS 1.3 suite (AES-CCM): cleartext passes, encrypted fails")
    func unsupportedSuite() {
        let facts = TLSSessionFacts(version: 0x0304, cipherSuite: 0x1304, clientRandom: randomBytes(32), serverRandom: randomBytes(32))
        var decryptor = DirectionDecryptor(facts: facts, direction: .serverToClient, secrets: nil)
        #expect(decryptor.decrypt(WireRecord(contentType: 22, payload: [2, 0, 0, 0])).record?.protection == .cleartext)
        #expect(decryptor.decrypt(WireRecord(contentType: 23, payload: randomBytes(40))).failure == .unsupportedSuite(0x1304))
    }
}

// MARK: - TLS 1.2

@Suite("TLS 1.2 round trips")
struct TLS12RoundTripTests {
    static let suites: [(code: UInt16, aead: TestAEAD)] = [
        (0xC02F, .aesGCM), (0xC030, .aesGCM), (0xC02B, .aesGCM), (0xC02C, .aesGCM),
        (0x009C, .aesGCM), (0x009D, .aesGCM), (0xCCA8, .chaCha), (0xCCA9, .chaCha),
    ]

    @Test("CCS, Finished at sequence 0, data, a flipped byte, alert", arguments: suites, [TLSDirection.clientToServer, .serverToClient])
    func stream(suite: (code: UInt16, aead: TestAEAD), direction: TLSDirection) throws {
        let master = randomBytes(48)
        let facts = TLSSessionFacts(version: 0x0303, cipherSuite: suite.code, clientRandom: randomBytes(32), serverRandom: randomBytes(32))
        let log = KeyLog(text: "CLIENT_RANDOM \(hex(facts.clientRandom)) \(hex(master))\n")
        let cipher = try #require(CipherSuite.tls12(suite.code))
        let keys = TLS12KeySchedule.trafficKeys(suite: cipher, masterSecret: master, clientRandom: facts.clientRandom, serverRandom: facts.serverRandom)
        let mine = direction == .clientToServer ? keys.client : keys.server
        var sender = TLS12Sender(aead: suite.aead, key: mine.key, iv: mine.iv)
        var decryptor = DirectionDecryptor(facts: facts, direction: direction, keyLog: log)

        // Cleartext until this direction's ChangeCipherSpec.
        let hello = WireRecord(contentType: 22, payload: handshakeMessage(type: 1, body: randomBytes(50)))
        #expect(decryptor.decrypt(hello).record?.plaintext == hello.payload)
        #expect(decryptor.decrypt(WireRecord(contentType: 20, payload: [1])).record?.protection == .cleartext)

        let finished = handshakeMessage(type: 20, body: randomBytes(12))
        #expect(try decryptor.decrypt(try sender.seal(type: 22, finished)).get()
                == OpenedRecord(contentType: 22, plaintext: finished, protection: .tls12(sequence: 0)))

        // GCM explicit nonces need not follow the sequence number: some stacks use
        // random ones, OpenSSL uses the sequence.
        let request = Array("POST /mcp HTTP/1.1\r\n\r\n{\"jsonrpc\":\"2.0\"}".utf8)
        #expect(try decryptor.decrypt(try sender.seal(type: 23, request)).get().plaintext == request)
        #expect(try decryptor.decrypt(try sender.seal(type: 23, request, explicitNonce: bigEndian(2, width: 8))).get()
                .protection == .tls12(sequence: 2))

        let bad = try sender.seal(type: 23, request).corrupted(at: suite.aead == .aesGCM ? 12 : 3)
        #expect(decryptor.decrypt(bad).failure == .authenticationFailed(sequence: 3))
        if suite.aead == .aesGCM { // the explicit nonce is input to the nonce, so it is checked too
            let badNonce = try sender.seal(type: 23, request).corrupted(at: 0)
            #expect(decryptor.decrypt(badNonce).failure == .authenticationFailed(sequence: 4))
        } else {
            _ = try sender.seal(type: 23, request)
            _ = decryptor.decrypt(WireRecord(contentType: 23, payload: []))
        }
        let alert = try decryptor.decrypt(try sender.seal(type: 21, [1, 0])).get()
        #expect(alert == OpenedRecord(contentType: 21, plaintext: [1, 0], protection: .tls12(sequence: 5)))
    }

    @Test("missing master secret, unsupported suite, bad facts, old version")
    func failures() {
        let random = randomBytes(32)
        let encrypted = WireRecord(contentType: 23, payload: randomBytes(40))
        let cases: [(TLSSessionFacts, RecordDecryptionFailure)] = [
            (TLSSessionFacts(version: 0x0303, cipherSuite: 0xC02F, clientRandom: random, serverRandom: randomBytes(32)), .missingSecret(.masterSecret)),
            (TLSSessionFacts(version: 0x0303, cipherSuite: 0xC027, clientRandom: random, serverRandom: randomBytes(32)), .unsupportedSuite(0xC027)),
            (TLSSessionFacts(version: 0x0303, cipherSuite: 0xC02F, clientRandom: random, serverRandom: []), .invalidSessionFacts("client and server randoms must be 32 bytes")),
            (TLSSessionFacts(version: 0x0302, cipherSuite: 0xC02F, clientRandom: random, serverRandom: randomBytes(32)), .unsupportedVersion(0x0302)),
            (TLSSessionFacts(version: 0x0304, cipherSuite: 0xC02F, clientRandom: random, serverRandom: randomBytes(32)), .unsupportedSuite(0xC02F)),
        ]
        for (facts, expected) in cases {
            var decryptor = DirectionDecryptor(facts: facts, direction: .serverToClient, keyLog: KeyLog())
            #expect(decryptor.decrypt(WireRecord(contentType: 22, payload: [2, 0, 0, 0])).record?.protection == .cleartext)
            // Application data before any ChangeCipherSpec is taken as encrypted, not as plaintext.
            #expect(decryptor.decrypt(encrypted).failure == expected)
        }
    }

    @Test("too short for explicit nonce and tag")
    func shortRecord() {
        let master = randomBytes(48)
        let facts = TLSSessionFacts(version: 0x0303, cipherSuite: 0xC02F, clientRandom: randomBytes(32), serverRandom: randomBytes(32))
        var secrets = KeyLog.SessionSecrets()
        secrets[.masterSecret] = master
        var decryptor = DirectionDecryptor(facts: facts, direction: .clientToServer, secrets: secrets)
        _ = decryptor.decrypt(WireRecord(contentType: 20, payload: [1]))
        #expect(decryptor.decrypt(WireRecord(contentType: 22, payload: randomBytes(23))).failure
                == .malformedRecord(sequence: 0, reason: "shorter than explicit nonce and tag"))
    }
}

// MARK: - Handshake framing

@Suite("Handshake message tracker")
struct HandshakeMessageTrackerTests {
    @Test("messages split over records, several in one record, byte at a time")
    func framing() {
        var tracker = HandshakeMessageTracker()
        let messages = handshakeMessage(type: 8, body: [1, 2]) + handshakeMessage(type: 11, body: [UInt8](repeating: 20, count: 9))
            + handshakeMessage(type: 15, body: []) + handshakeMessage(type: 20, body: [0x18, 0x18])
        #expect(tracker.consume(Array(messages.prefix(3))) == [])
        #expect(tracker.consume(Array(messages.dropFirst(3).prefix(10))) == [8])
        #expect(tracker.consume(Array(messages.dropFirst(13))) == [11, 15, 20])

        var byteWise = HandshakeMessageTracker()
        #expect(messages.flatMap { byteWise.consume([$0]) } == [8, 11, 15, 20])
    }
}
