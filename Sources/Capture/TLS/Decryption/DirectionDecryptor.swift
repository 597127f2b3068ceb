// MARK: - Decrypting one direction of a connection

/// Turns the records one peer sent into plaintext, given the session's facts and its
/// key log secrets. Feed it every record of its direction, in order, as framed on the
/// wire; it keeps the keys and sequence numbers, and does no I/O.
///
/// A record it cannot read is returned as a failure for that record — never dropped —
/// and still counted, so one damaged record does not spoil the ones after it.
struct DirectionDecryptor: Sendable {
    private enum State: Sendable {
        case tls13(TLS13RecordState)
        case tls12(TLS12RecordState)
    }

    let facts: TLSSessionFacts
    let direction: TLSDirection
    private var state: State

    /// Looks the session's secrets up in `keyLog` by the facts' client random.
    init(facts: TLSSessionFacts, direction: TLSDirection, keyLog: KeyLog) {
        self.init(facts: facts, direction: direction, secrets: keyLog.secrets(forClientRandom: facts.clientRandom))
    }

    /// Uses `secrets` (nil: none logged; each encrypted record then fails with
    /// `missingSecret`).
    init(facts: TLSSessionFacts, direction: TLSDirection, secrets: KeyLog.SessionSecrets?) {
        self.facts = facts
        self.direction = direction
        let secrets = secrets ?? KeyLog.SessionSecrets()
        switch facts.version {
        case 0x0304:
            let suite = CipherSuite.tls13(facts.cipherSuite)
            state = .tls13(TLS13RecordState(
                suite: suite,
                unavailable: suite == nil ? .unsupportedSuite(facts.cipherSuite) : nil,
                direction: direction, secrets: secrets
            ))
        case 0x0303:
            state = .tls12(Self.tls12State(facts: facts, direction: direction, secrets: secrets))
        default:
            // Older versions also switch keys at ChangeCipherSpec; their records are
            // recognised as encrypted and reported, not passed on as plaintext.
            state = .tls12(TLS12RecordState(keys: nil, unavailable: .unsupportedVersion(facts.version)))
        }
    }

    /// Decrypts the next record of this direction: its header's content type and
    /// legacy version, and its payload (the bytes after the 5-byte header).
    mutating func decrypt(contentType: UInt8, legacyVersion: UInt16, payload: [UInt8]) -> Result<OpenedRecord, RecordDecryptionFailure> {
        payload.withUnsafeBytes { decrypt(contentType: contentType, legacyVersion: legacyVersion, payload: $0) }
    }

    /// The same, reading the payload where it lies (in a capture's stream).
    mutating func decrypt(contentType: UInt8, legacyVersion: UInt16, payload: UnsafeRawBufferPointer) -> Result<OpenedRecord, RecordDecryptionFailure> {
        switch state {
        case .tls13(var inner):
            let result = inner.decrypt(contentType: contentType, legacyVersion: legacyVersion, payload: payload)
            state = .tls13(inner)
            return result
        case .tls12(var inner):
            let result = inner.decrypt(contentType: contentType, legacyVersion: legacyVersion, payload: payload)
            state = .tls12(inner)
            return result
        }
    }

    // MARK: TLS 1.2 setup

    private static func tls12State(facts: TLSSessionFacts, direction: TLSDirection, secrets: KeyLog.SessionSecrets) -> TLS12RecordState {
        guard let suite = CipherSuite.tls12(facts.cipherSuite) else {
            return TLS12RecordState(keys: nil, unavailable: .unsupportedSuite(facts.cipherSuite))
        }
        guard facts.clientRandom.count == 32, facts.serverRandom.count == 32 else {
            return TLS12RecordState(keys: nil, unavailable: .invalidSessionFacts("client and server randoms must be 32 bytes"))
        }
        guard let master = secrets[.masterSecret], master.count == 48 else {
            return TLS12RecordState(keys: nil, unavailable: .missingSecret(.masterSecret))
        }
        let keys = TLS12KeySchedule.trafficKeys(
            suite: suite, masterSecret: master, clientRandom: facts.clientRandom, serverRandom: facts.serverRandom
        )
        return TLS12RecordState(keys: direction == .clientToServer ? keys.client : keys.server, unavailable: .missingSecret(.masterSecret))
    }
}
