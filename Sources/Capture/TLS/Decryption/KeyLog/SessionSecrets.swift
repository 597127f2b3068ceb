// MARK: - One session's secrets

extension KeyLog {
    /// Everything the key log holds for one client random: what `DirectionDecryptor` needs
    /// for one connection, so it can be built without the whole log.
    struct SessionSecrets: Sendable, Hashable {
        /// The secrets by kind; a kind absent from the log is absent here.
        private(set) var byKind: [SecretKind: [UInt8]] = [:]

        init(_ byKind: [SecretKind: [UInt8]] = [:]) {
            self.byKind = byKind
        }

        subscript(kind: SecretKind) -> [UInt8]? {
            get { byKind[kind] }
            set { byKind[kind] = newValue }
        }
    }
}
