// MARK: - TLS 1.2 records of one direction

/// The TLS 1.2 read side of one direction: cleartext until this direction's
/// ChangeCipherSpec, then AEAD records numbered from 0, the first being Finished
/// (RFC 5246 §6.1, §7.1).
struct TLS12RecordState: Sendable {
    private let keys: TrafficKeys?
    private let unavailable: RecordDecryptionFailure
    private var encrypting = false
    private var sequence: UInt64 = 0

    /// `keys` nil means every encrypted record fails with `unavailable`.
    init(keys: TrafficKeys?, unavailable: RecordDecryptionFailure) {
        self.keys = keys
        self.unavailable = unavailable
    }

    mutating func decrypt(contentType: UInt8, legacyVersion: UInt16, payload: UnsafeRawBufferPointer) -> Result<OpenedRecord, RecordDecryptionFailure> {
        if !encrypting {
            if contentType == ContentType.changeCipherSpec {
                encrypting = true
                sequence = 0
            }
            // Application data is never cleartext: if the ChangeCipherSpec was not seen,
            // try it as the first protected record rather than pass ciphertext on as data.
            if contentType != ContentType.applicationData {
                return .success(OpenedRecord(contentType: contentType, plaintext: Array(payload), protection: .cleartext))
            }
            encrypting = true
        }
        let sequence = self.sequence
        self.sequence &+= 1
        guard let keys else { return .failure(unavailable) }

        let nonce: [UInt8]
        let sealed: UnsafeRawBufferPointer
        switch keys.aead {
        case .aesGCM:
            // RFC 5288 §3: nonce = 4-byte salt from the key block + 8-byte explicit nonce.
            guard payload.count >= 8 + TrafficKeys.tagLength else {
                return .failure(.malformedRecord(sequence: sequence, reason: "shorter than explicit nonce and tag"))
            }
            nonce = keys.iv + payload[0..<8]
            sealed = UnsafeRawBufferPointer(rebasing: payload[8...])
        case .chaCha20Poly1305:
            // RFC 7905 §2: nonce = IV XOR sequence number, nothing explicit in the record.
            guard payload.count >= TrafficKeys.tagLength else {
                return .failure(.malformedRecord(sequence: sequence, reason: "shorter than the tag"))
            }
            nonce = keys.xorNonce(sequence: sequence)
            sealed = payload
        }
        // RFC 5246 §6.2.3.3: seq_num + type + version + length of the plaintext.
        let additionalData = [UInt8](bigEndian: sequence, width: 8) + [contentType]
            + [UInt8](bigEndian: UInt64(legacyVersion), width: 2)
            + [UInt8](bigEndian: UInt64(sealed.count - TrafficKeys.tagLength), width: 2)
        guard let plaintext = keys.open(nonce: nonce, sealed: sealed, additionalData: additionalData) else {
            return .failure(.authenticationFailed(sequence: sequence))
        }
        return .success(OpenedRecord(contentType: contentType, plaintext: [UInt8](plaintext), protection: .tls12(sequence: sequence)))
    }
}
