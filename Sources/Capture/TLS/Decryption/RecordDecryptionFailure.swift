// MARK: - Why a record could not be read

/// A record that could not be decrypted. Each is reported for its record; the
/// decryptor still counts the record so the ones after it stay in step.
enum RecordDecryptionFailure: Error, Sendable, Hashable {
    /// The AEAD tag did not verify under the keys for this sequence number: wrong
    /// secrets, a record missing from the capture, or a corrupted record.
    case authenticationFailed(sequence: UInt64)
    /// The key log has no such secret for this session.
    case missingSecret(KeyLog.SecretKind)
    /// A cipher suite this module cannot decrypt (non-AEAD, CCM, unknown).
    case unsupportedSuite(UInt16)
    /// A protocol version other than TLS 1.2 or 1.3.
    case unsupportedVersion(UInt16)
    /// The record cannot be an AEAD record of this suite (too short; TLS 1.3 inner
    /// plaintext of only zeros). `sequence` is the number it was counted under.
    case malformedRecord(sequence: UInt64, reason: String)
    /// The session facts cannot be right (e.g. a random that is not 32 bytes).
    case invalidSessionFacts(String)
}
