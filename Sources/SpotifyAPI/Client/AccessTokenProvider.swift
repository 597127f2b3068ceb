/// Supplies the bearer token for Web API calls.
public protocol AccessTokenProvider: Sendable {
    /// A token to use now.
    func accessToken() async throws -> String
    /// A new token after Spotify rejected `rejected` with 401; throws ``SpotifyError/loginExpired``
    /// when the login itself is gone.
    func refreshedAccessToken(after rejected: String) async throws -> String
}

/// A token that never changes, for scripts and tests.
public struct FixedAccessToken: AccessTokenProvider {
    let token: String

    public init(_ token: String) {
        self.token = token
    }

    public func accessToken() async throws -> String { token }

    public func refreshedAccessToken(after rejected: String) async throws -> String {
        throw SpotifyError.loginExpired
    }
}
