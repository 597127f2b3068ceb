/// `GET /me`. Since February 2026 `email`, `product` and `country` are usually absent;
/// `account_id` (May 2026) is the stable key for an account.
public struct CurrentUser: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var displayName: String?
    public var accountId: String?
    public var email: String?
    /// `premium`, `free` or `open`, where Spotify still reports it.
    public var product: String?
    public var country: String?

    public init(
        id: String, displayName: String? = nil, accountId: String? = nil, email: String? = nil,
        product: String? = nil, country: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.accountId = accountId
        self.email = email
        self.product = product
        self.country = country
    }
}
