import Foundation

// MARK: - TLS 1.3 records of one direction

/// The TLS 1.3 read side of one direction: which traffic secret protects the next
/// record, and its sequence number (RFC 8446 §5.2, §5.3, §5.4).
struct TLS13RecordState: Sendable {
    /// The keys protecting a run of records: handshake keys, then application keys of
    /// generation 0, 1, … (one per KeyUpdate). `secret` is nil when not logged.
    struct Epoch: Sendable {
        enum Stage: Sendable, Hashable {
            case handshake
            case application(generation: Int)
        }
        let stage: Stage
        let secret: [UInt8]?
        let secretKind: KeyLog.SecretKind
        let keys: TrafficKeys?
    }

    private let suite: CipherSuite?
    private let unavailable: RecordDecryptionFailure?
    private let applicationSecret0: [UInt8]?
    private let applicationKind: KeyLog.SecretKind
    private var epoch: Epoch
    private var sequence: UInt64 = 0
    private var tracker = HandshakeMessageTracker()

    /// `unavailable` is returned for every encrypted record when the suite cannot be used.
    init(suite: CipherSuite?, unavailable: RecordDecryptionFailure?, direction: TLSDirection, secrets: KeyLog.SessionSecrets) {
        self.suite = suite
        self.unavailable = unavailable
        let handshakeKind: KeyLog.SecretKind =
            direction == .clientToServer ? .clientHandshakeTrafficSecret : .serverHandshakeTrafficSecret
        applicationKind = direction == .clientToServer ? .clientApplicationTrafficSecret0 : .serverApplicationTrafficSecret0
        applicationSecret0 = secrets[applicationKind]
        epoch = Self.makeEpoch(.handshake, secret: secrets[handshakeKind], kind: handshakeKind, suite: suite)
    }

    // MARK: Records

    mutating func decrypt(contentType: UInt8, legacyVersion: UInt16, payload: UnsafeRawBufferPointer) -> Result<OpenedRecord, RecordDecryptionFailure> {
        // Everything protected has outer type application_data; the rest (hellos, the
        // compatibility ChangeCipherSpec, alerts before keys) is cleartext and moves no state.
        guard contentType == ContentType.applicationData else {
            return .success(OpenedRecord(contentType: contentType, plaintext: Array(payload), protection: .cleartext))
        }
        let sequence = self.sequence
        if let unavailable {
            self.sequence &+= 1
            return .failure(unavailable)
        }
        guard payload.count > TrafficKeys.tagLength else {
            self.sequence &+= 1
            return .failure(.malformedRecord(sequence: sequence, reason: "shorter than the tag and content type"))
        }
        let header = [contentType] + [UInt8](bigEndian: UInt64(legacyVersion), width: 2)
            + [UInt8](bigEndian: UInt64(payload.count), width: 2)
        if let keys = epoch.keys,
           let inner = keys.open(nonce: keys.xorNonce(sequence: sequence), sealed: payload, additionalData: header) {
            return finish(inner: inner, sequence: sequence)
        }
        // A record that does not open may be the first of the next epoch, when the
        // record that ended this one (Finished, KeyUpdate) is not in the capture or the
        // handshake secret was not logged. AEAD authentication makes this trial safe.
        let next = nextEpoch()
        if let keys = next.keys,
           let inner = keys.open(nonce: keys.xorNonce(sequence: 0), sealed: payload, additionalData: header) {
            enter(next)
            return finish(inner: inner, sequence: 0)
        }
        self.sequence &+= 1
        guard epoch.keys != nil else { return .failure(.missingSecret(epoch.secretKind)) }
        return .failure(.authenticationFailed(sequence: sequence))
    }

    /// Unwraps TLSInnerPlaintext (content, type, zero padding) and moves to the next
    /// keys after a Finished or KeyUpdate.
    private mutating func finish(inner: Data, sequence: UInt64) -> Result<OpenedRecord, RecordDecryptionFailure> {
        let protection: OpenedRecord.Protection = switch epoch.stage {
        case .handshake: .handshakeTraffic(sequence: sequence)
        case .application(let generation): .applicationTraffic(generation: generation, sequence: sequence)
        }
        guard let typeIndex = inner.lastIndex(where: { $0 != 0 }) else {
            self.sequence &+= 1
            return .failure(.malformedRecord(sequence: sequence, reason: "inner plaintext has no content type"))
        }
        let contentType = inner[typeIndex]
        let content = [UInt8](inner[..<typeIndex])
        var endsEpoch = false
        if contentType == ContentType.handshake {
            for type in tracker.consume(content) {
                switch (epoch.stage, type) {
                case (.handshake, HandshakeType.finished), (.application, HandshakeType.keyUpdate):
                    endsEpoch = true
                default:
                    break
                }
            }
        }
        if endsEpoch {
            enter(nextEpoch())
        } else {
            self.sequence &+= 1
        }
        return .success(OpenedRecord(contentType: contentType, plaintext: content, protection: protection))
    }

    // MARK: Epochs

    private func nextEpoch() -> Epoch {
        switch epoch.stage {
        case .handshake:
            return Self.makeEpoch(.application(generation: 0), secret: applicationSecret0, kind: applicationKind, suite: suite)
        case .application(let generation):
            let secret = epoch.secret.flatMap { secret in
                suite.map { TLS13KeySchedule.nextApplicationSecret(hash: $0.hash, secret: secret) }
            }
            return Self.makeEpoch(.application(generation: generation + 1), secret: secret, kind: applicationKind, suite: suite)
        }
    }

    private mutating func enter(_ next: Epoch) {
        epoch = next
        sequence = 0
        tracker = HandshakeMessageTracker()
    }

    private static func makeEpoch(_ stage: Epoch.Stage, secret: [UInt8]?, kind: KeyLog.SecretKind, suite: CipherSuite?) -> Epoch {
        // A secret of the wrong length for the suite's hash cannot be this session's.
        let usable = secret.flatMap { secret in suite.flatMap { secret.count == $0.hash.length ? secret : nil } }
        let keys = usable.flatMap { secret in suite.map { TLS13KeySchedule.trafficKeys(suite: $0, secret: secret) } }
        return Epoch(stage: stage, secret: usable, secretKind: kind, keys: keys)
    }
}
