import Foundation
import SpotifyModels

/// App-only tokens (client credentials), fetched when needed and reused until they expire.
public actor AppTokens: AccessTokenProvider {
    private let accounts: AccountsClient
    private var current: (token: String, expires: Date)?

    public init(accounts: AccountsClient) {
        self.accounts = accounts
    }

    public func accessToken() async throws -> String {
        if let current, current.expires > Date() { return current.token }
        return try await fetch()
    }

    public func refreshedAccessToken(after rejected: String) async throws -> String {
        if let current, current.token != rejected { return current.token }
        return try await fetch()
    }

    private func fetch() async throws -> String {
        let answer = try await accounts.clientCredentials()
        current = (answer.accessToken, Date().addingTimeInterval(TimeInterval(answer.expiresIn - 60)))
        return answer.accessToken
    }
}

/// A logged-in user's tokens: refreshed before they expire or when Spotify rejects
/// one, keeping whatever new refresh token Spotify hands back.
public actor UserTokens: AccessTokenProvider {
    /// The tokens as they stand, to be saved whenever they change.
    public struct Snapshot: Codable, Sendable, Equatable {
        public var accessToken: String
        public var refreshToken: String
        public var expiresAt: Date
        public var scopes: [String]

        /// `expiresAt` is kept to the second, as it is saved.
        public init(accessToken: String, refreshToken: String, expiresAt: Date, scopes: [String]) {
            self.accessToken = accessToken
            self.refreshToken = refreshToken
            self.expiresAt = Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down))
            self.scopes = scopes
        }
    }

    private let accounts: AccountsClient
    private var snapshot: Snapshot
    private let onChange: @Sendable (Snapshot?) async -> Void
    private var refreshing: Task<String, any Error>?

    /// - Parameter onChange: called with the new tokens after a refresh, and with `nil`
    ///   when the login turned out to be expired or revoked.
    public init(accounts: AccountsClient, snapshot: Snapshot, onChange: @escaping @Sendable (Snapshot?) async -> Void = { _ in }) {
        self.accounts = accounts
        self.snapshot = snapshot
        self.onChange = onChange
    }

    public var current: Snapshot { snapshot }

    public func accessToken() async throws -> String {
        if snapshot.expiresAt > Date().addingTimeInterval(30) { return snapshot.accessToken }
        return try await refresh()
    }

    public func refreshedAccessToken(after rejected: String) async throws -> String {
        if snapshot.accessToken != rejected { return snapshot.accessToken }
        return try await refresh()
    }

    /// One refresh at a time: concurrent callers wait for the same one, so a rotated
    /// refresh token is never used twice.
    private func refresh() async throws -> String {
        if let refreshing { return try await refreshing.value }
        let work = Task { try await self.performRefresh() }
        refreshing = work
        defer { refreshing = nil }
        return try await work.value
    }

    private func performRefresh() async throws -> String {
        let old = snapshot
        let answer: TokenResponse
        do {
            answer = try await accounts.refresh(old.refreshToken)
        } catch SpotifyError.loginExpired {
            await onChange(nil)
            throw SpotifyError.loginExpired
        }
        snapshot = Snapshot(
            accessToken: answer.accessToken, refreshToken: answer.refreshToken ?? old.refreshToken,
            expiresAt: Date().addingTimeInterval(TimeInterval(answer.expiresIn)),
            scopes: answer.scope.map { $0.split(separator: " ").map(String.init) } ?? old.scopes)
        await onChange(snapshot)
        return answer.accessToken
    }
}
