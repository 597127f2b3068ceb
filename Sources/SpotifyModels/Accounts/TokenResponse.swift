/// The accounts service's answer to `POST /api/token`.
public struct TokenResponse: Codable, Hashable, Sendable {
    public var accessToken: String
    public var tokenType: String
    public var scope: String?
    public var expiresIn: Int
    /// Present on a first login and, when Spotify rotates it, on a refresh: always keep the newest.
    public var refreshToken: String?

    public init(accessToken: String, tokenType: String = "Bearer", scope: String?, expiresIn: Int, refreshToken: String?) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.scope = scope
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
    }
}
