// MARK: - A record as the peer sent it

/// The plaintext of one record and its real content type (for TLS 1.3, the inner type
/// from TLSInnerPlaintext, not the outer application_data).
package struct OpenedRecord: Sendable, Hashable {
    /// Which keys protected the record, so a reader can show where it stood.
    package enum Protection: Sendable, Hashable {
        /// Sent in the clear (hellos, ChangeCipherSpec, early alerts).
        case cleartext
        /// TLS 1.3 handshake traffic keys, with the record's sequence number.
        case handshakeTraffic(sequence: UInt64)
        /// TLS 1.3 application traffic keys; `generation` counts KeyUpdates.
        case applicationTraffic(generation: Int, sequence: UInt64)
        /// TLS 1.2 keys from the master secret.
        case tls12(sequence: UInt64)
    }

    /// TLS content type: 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data.
    package var contentType: UInt8
    package var plaintext: [UInt8]
    package var protection: Protection

    package init(contentType: UInt8, plaintext: [UInt8], protection: Protection) {
        self.contentType = contentType
        self.plaintext = plaintext
        self.protection = protection
    }

    /// Whether keys opened it; a record sent in the clear after the hellos (TLS 1.2's
    /// key exchange) comes back as it was, and is not counted as decrypted.
    package var wasProtected: Bool { protection != .cleartext }
}
