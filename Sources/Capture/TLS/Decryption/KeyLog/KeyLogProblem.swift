// MARK: - Problems found while reading a key log

extension KeyLog {
    /// A line that could not be used. Reported, not fatal: one bad line in a long
    /// SSLKEYLOGFILE must not hide the other sessions' secrets.
    struct Problem: Sendable, Hashable, CustomStringConvertible {
        enum Reason: Sendable, Hashable {
            /// Fewer or more than three space-separated fields.
            case wrongFieldCount(Int)
            /// A label that is not one of `SecretKind`'s (e.g. the old `RSA` form).
            case unknownLabel(String)
            /// The client random is not 64 hex digits.
            case badClientRandom
            /// The secret is not hex, or has a length its kind cannot have.
            case badSecret(SecretKind)
            /// The same client random and label appeared before with another value;
            /// the later line wins.
            case conflictingDuplicate(SecretKind)
            /// The text is not UTF-8 (only for pcapng secrets blocks).
            case notUTF8
        }

        /// 1-based line number in the text that was parsed.
        let line: Int
        let reason: Reason

        var description: String { "line \(line): \(reason)" }
    }
}
