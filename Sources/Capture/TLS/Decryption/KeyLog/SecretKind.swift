// MARK: - Secret kinds

extension KeyLog {
    /// The labels of the NSS key log format, one per kind of secret a TLS library logs.
    /// Named so a failure can say which secret a decryption lacked.
    enum SecretKind: String, Sendable, Hashable, CaseIterable {
        /// TLS 1.2 (and older) master secret, 48 bytes.
        case masterSecret = "CLIENT_RANDOM"
        case clientHandshakeTrafficSecret = "CLIENT_HANDSHAKE_TRAFFIC_SECRET"
        case serverHandshakeTrafficSecret = "SERVER_HANDSHAKE_TRAFFIC_SECRET"
        case clientApplicationTrafficSecret0 = "CLIENT_TRAFFIC_SECRET_0"
        case serverApplicationTrafficSecret0 = "SERVER_TRAFFIC_SECRET_0"
        // Logged by libraries but not needed to read 1-RTT records: kept, never required.
        case clientEarlyTrafficSecret = "CLIENT_EARLY_TRAFFIC_SECRET"
        case exporterSecret = "EXPORTER_SECRET"
        case earlyExporterSecret = "EARLY_EXPORTER_SECRET"
        // OpenSSL 3 logs one of these after each KeyUpdate, all under the same label.
        // Accepted and not kept: the decryptor derives them from `_0` as it follows
        // the KeyUpdate messages, and the label does not say which generation it is.
        case clientApplicationTrafficSecretN = "CLIENT_TRAFFIC_SECRET_N"
        case serverApplicationTrafficSecretN = "SERVER_TRAFFIC_SECRET_N"

        /// Logged once per KeyUpdate, so neither kept nor checked for duplicates.
        var isLoggedPerKeyUpdate: Bool {
            self == .clientApplicationTrafficSecretN || self == .serverApplicationTrafficSecretN
        }

        /// The lengths a secret of this kind may have: 48 for the TLS 1.2 master secret,
        /// the hash length (SHA-256 or SHA-384) for TLS 1.3 secrets.
        var allowedLengths: [Int] {
            self == .masterSecret ? [48] : [32, 48]
        }
    }
}
