import Testing
@testable import Capture

/// RFC 8448 §3: the secrets and records of a real TLS_AES_128_GCM_SHA256 handshake.
@Suite("RFC 8448 §3 simple 1-RTT handshake")
struct RFC8448Tests {
    let facts = TLSSessionFacts(
        version: 0x0304, cipherSuite: 0x1301,
        clientRandom: h(RFC8448.clientRandom), serverRandom: h(RFC8448.serverRandom)
    )

    /// The key log a client of that handshake would have written.
    var keyLog: KeyLog {
        KeyLog(text: """
            # RFC 8448 §3
            SERVER_HANDSHAKE_TRAFFIC_SECRET \(RFC8448.clientRandom) \(RFC8448.serverHandshakeTrafficSecret)
            CLIENT_HANDSHAKE_TRAFFIC_SECRET \(RFC8448.clientRandom) \(RFC8448.clientHandshakeTrafficSecret)
            SERVER_TRAFFIC_SECRET_0 \(RFC8448.clientRandom) \(RFC8448.serverApplicationTrafficSecret)
            CLIENT_TRAFFIC_SECRET_0 \(RFC8448.clientRandom) \(RFC8448.clientApplicationTrafficSecret)
            """)
    }

    @Test("HKDF-Expand-Label gives RFC 8448's traffic keys and IVs", arguments: [
        (RFC8448.serverHandshakeTrafficSecret, RFC8448.serverHandshakeKey, RFC8448.serverHandshakeIV),
        (RFC8448.clientHandshakeTrafficSecret, RFC8448.clientHandshakeKey, RFC8448.clientHandshakeIV),
        (RFC8448.serverApplicationTrafficSecret, RFC8448.serverApplicationKey, RFC8448.serverApplicationIV),
        (RFC8448.clientApplicationTrafficSecret, RFC8448.clientApplicationKey, RFC8448.clientApplicationIV),
    ])
    func trafficKeys(secret: String, key: String, iv: String) throws {
        let suite = try #require(CipherSuite.tls13(0x1301))
        let keys = TLS13KeySchedule.trafficKeys(suite: suite, secret: h(secret))
        #expect(hex(keys.key) == key)
        #expect(hex(keys.iv) == iv)
    }

    @Test("HKDF-Expand-Label info bytes match RFC 8448's \"key info\" and \"iv info\"")
    func labelInfo() {
        // The RFC prints the info: 00 10 09 "tls13 key" 00 and 00 0c 08 "tls13 iv" 00.
        // Expanding with a one-block output equals HMAC(secret, info || 0x01).
        let secret = h(RFC8448.serverHandshakeTrafficSecret)
        let viaLabel = TLS13KeySchedule.expandLabel(hash: .sha256, secret: secret, label: "key", context: [], length: 16)
        let viaInfo = TLSHash.sha256.hmac(key: secret, data: h("00 10 09 74 6c 73 31 33 20 6b 65 79 00") + [1])
        #expect(viaLabel == Array(viaInfo.prefix(16)))
    }

    @Test("the server's records decrypt to the RFC's messages")
    func serverDirection() throws {
        var decryptor = DirectionDecryptor(facts: facts, direction: .serverToClient, keyLog: keyLog)

        let hello = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverHelloRecord))).get()
        #expect(hello.protection == .cleartext)
        #expect(hello.contentType == 22)

        let flight = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverHandshakeRecord))).get()
        #expect(flight.contentType == 22)
        #expect(flight.protection == .handshakeTraffic(sequence: 0))
        let expectedFlight = h(RFC8448.encryptedExtensions) + h(RFC8448.certificate)
            + h(RFC8448.certificateVerify) + h(RFC8448.serverFinished)
        #expect(hex(flight.plaintext) == hex(expectedFlight))

        // After the server's Finished: application keys, sequence from 0.
        let ticket = try decryptor.decrypt(WireRecord(complete: h(RFC8448.newSessionTicketRecord))).get()
        #expect(ticket.contentType == 22)
        #expect(ticket.protection == .applicationTraffic(generation: 0, sequence: 0))
        #expect(hex(ticket.plaintext) == hex(h(RFC8448.newSessionTicket)))

        let data = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverApplicationDataRecord))).get()
        #expect(data.contentType == 23)
        #expect(data.protection == .applicationTraffic(generation: 0, sequence: 1))
        #expect(data.plaintext == h(RFC8448.applicationData))

        let alert = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverCloseNotifyRecord))).get()
        #expect(alert.contentType == 21)
        #expect(alert.protection == .applicationTraffic(generation: 0, sequence: 2))
        #expect(alert.plaintext == h(RFC8448.closeNotify))
    }

    @Test("the client's records decrypt to the RFC's messages, CCS ignored")
    func clientDirection() throws {
        var decryptor = DirectionDecryptor(facts: facts, direction: .clientToServer, keyLog: keyLog)

        // A middlebox-compatibility ChangeCipherSpec (not in RFC 8448) changes nothing.
        let ccs = try decryptor.decrypt(WireRecord(contentType: 20, payload: [1])).get()
        #expect(ccs == OpenedRecord(contentType: 20, plaintext: [1], protection: .cleartext))

        let finished = try decryptor.decrypt(WireRecord(complete: h(RFC8448.clientFinishedRecord))).get()
        #expect(finished.contentType == 22)
        #expect(finished.protection == .handshakeTraffic(sequence: 0))
        #expect(hex(finished.plaintext) == RFC8448.clientFinished)

        let data = try decryptor.decrypt(WireRecord(complete: h(RFC8448.clientApplicationDataRecord))).get()
        #expect(data.contentType == 23)
        #expect(data.protection == .applicationTraffic(generation: 0, sequence: 0))
        #expect(data.plaintext == h(RFC8448.applicationData))

        let alert = try decryptor.decrypt(WireRecord(complete: h(RFC8448.clientCloseNotifyRecord))).get()
        #expect(alert.contentType == 21)
        #expect(alert.protection == .applicationTraffic(generation: 0, sequence: 1))
        #expect(alert.plaintext == h(RFC8448.closeNotify))
    }

    @Test("a flipped byte in the RFC's record is an authentication failure at its sequence")
    func corruptedRecord() throws {
        var decryptor = DirectionDecryptor(facts: facts, direction: .serverToClient, keyLog: keyLog)
        _ = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverHandshakeRecord))).get()
        _ = try decryptor.decrypt(WireRecord(complete: h(RFC8448.newSessionTicketRecord))).get()
        let bad = decryptor.decrypt(WireRecord(complete: h(RFC8448.serverApplicationDataRecord)).corrupted(at: 20))
        #expect(bad.failure == .authenticationFailed(sequence: 1))
        // The failed record was counted: the alert (sequence 2) still opens.
        let alert = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverCloseNotifyRecord))).get()
        #expect(alert.protection == .applicationTraffic(generation: 0, sequence: 2))
    }

    @Test("only application secrets logged: handshake records fail, application records open")
    func onlyApplicationSecrets() throws {
        let log = KeyLog(text: "SERVER_TRAFFIC_SECRET_0 \(RFC8448.clientRandom) \(RFC8448.serverApplicationTrafficSecret)\n")
        var decryptor = DirectionDecryptor(facts: facts, direction: .serverToClient, keyLog: log)
        let flight = decryptor.decrypt(WireRecord(complete: h(RFC8448.serverHandshakeRecord)))
        #expect(flight.failure == .missingSecret(.serverHandshakeTrafficSecret))
        let ticket = try decryptor.decrypt(WireRecord(complete: h(RFC8448.newSessionTicketRecord))).get()
        #expect(ticket.protection == .applicationTraffic(generation: 0, sequence: 0))
        let data = try decryptor.decrypt(WireRecord(complete: h(RFC8448.serverApplicationDataRecord))).get()
        #expect(data.plaintext == h(RFC8448.applicationData))
    }

    @Test("no secrets for the client random")
    func noSecrets() {
        var decryptor = DirectionDecryptor(facts: facts, direction: .clientToServer, keyLog: KeyLog())
        let result = decryptor.decrypt(WireRecord(complete: h(RFC8448.clientFinishedRecord)))
        #expect(result.failure == .missingSecret(.clientHandshakeTrafficSecret))
    }
}
