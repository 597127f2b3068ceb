/// The body of an error answer: `{"error": {"status": 404, "message": "...", "reason": "NO_ACTIVE_DEVICE"}}`.
///
/// The accounts service answers differently, `{"error": "invalid_grant", "error_description": "..."}`;
/// ``AccountsErrorBody`` reads that one.
public struct SpotifyErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        public var status: Int
        public var message: String
        public var reason: String?

        public init(status: Int, message: String, reason: String? = nil) {
            self.status = status
            self.message = message
            self.reason = reason
        }
    }

    public var error: Detail

    public init(status: Int, message: String, reason: String? = nil) {
        error = Detail(status: status, message: message, reason: reason)
    }
}

/// An error from the accounts service (`/api/token`).
public struct AccountsErrorBody: Codable, Hashable, Sendable {
    public var error: String
    public var errorDescription: String?

    public init(error: String, errorDescription: String? = nil) {
        self.error = error
        self.errorDescription = errorDescription
    }
}
