import Foundation
import Logging
import SpotifyAPI
import SpotifyModels
import SpotifySandbox

/// A ready client and where it leads: the user's Spotify, Spotify without a user,
/// or, when no Spotify app is configured, a sandbox started in this process.
public struct SpotifySession: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A logged-in user's Spotify.
        case user(id: String)
        /// Spotify with an app-only token: search works, nothing of a user's.
        case appOnly
        /// The embedded sandbox, logged in as its demo listener.
        case sandbox(URL)
    }

    /// A sandbox running in this process, and the task that keeps it running.
    public struct Embedded: Sendable {
        public let server: SpotifySandboxServer
        public let task: Task<Void, any Error>

        public func stop() {
            task.cancel()
        }
    }

    public let client: SpotifyClient
    public let kind: Kind
    /// The embedded sandbox, when the session uses one.
    public let embedded: Embedded?
    /// Scopes Setlist asks for that the user's login does not grant (a login made before
    /// Setlist asked for them); empty for every other session.
    public let missingScopes: [String]

    public init(client: SpotifyClient, kind: Kind, embedded: Embedded?, missingScopes: [String] = []) {
        self.client = client
        self.kind = kind
        self.embedded = embedded
        self.missingScopes = missingScopes
    }

    /// A line for people: what Setlist is talking to.
    public var summary: String {
        switch kind {
        case .user(let id): "Spotify, logged in as \(id)"
        case .appOnly: "Spotify without a login (search only): run `setlist auth login` for playlists and playback"
        case .sandbox(let url): "the Spotify sandbox at \(url.absoluteString) (no SPOTIFY_CLIENT_ID configured): demo catalog, nothing real"
        }
    }

    /// Picks the session the settings allow, best first.
    public static func connect(
        configuration: SpotifyConfiguration, store: TokenStore, account: TokenStore.Account = .user, logger: Logger
    ) async throws -> SpotifySession {
        if let accounts = try? configuration.accounts() {
            if let login = try store.load(account) {
                let tokens = store.tokens(for: login, account: account, accounts: accounts)
                return SpotifySession(
                    client: SpotifyClient(endpoints: configuration.endpoints, tokens: tokens, logger: logger),
                    kind: .user(id: login.userID), embedded: nil,
                    missingScopes: Set(SpotifyScope.setlist).subtracting(login.tokens.scopes).sorted())
            }
            if configuration.clientSecret != nil {
                return SpotifySession(
                    client: SpotifyClient(endpoints: configuration.endpoints, tokens: AppTokens(accounts: accounts), logger: logger),
                    kind: .appOnly, embedded: nil)
            }
            throw SpotifyError.notLoggedIn
        }
        return try await embedded(logger: logger)
    }

    /// A sandbox in this process on a free loopback port, with the demo listener logged in.
    public static func embedded(options: SandboxOptions = SandboxOptions(), logger: Logger) async throws -> SpotifySession {
        let server = SpotifySandboxServer(options: options)
        let (base, task) = try await server.start(logger: logger)
        guard let tokens = await server.state.demoLogin() else {
            task.cancel()
            throw SpotifyError.invalidResponse("the embedded sandbox has no demo listener to log in")
        }
        return sandbox(base, tokens: tokens, embedded: Embedded(server: server, task: task), logger: logger)
    }

    /// A sandbox running elsewhere (`setlist sandbox`), with one of its users logged in
    /// through its own shortcut.
    public static func sandbox(at base: URL, user: String = SandboxUsers.listener, logger: Logger) async throws -> SpotifySession {
        let accounts = AccountsClient(endpoints: .sandbox(base), clientID: SandboxState.app.clientID)
        return sandbox(base, tokens: try await accounts.sandboxLogin(user: user), embedded: nil, logger: logger)
    }

    /// Another user of this session's sandbox (the bot that publishes public mixes).
    public func sandboxUser(_ user: String, logger: Logger) async throws -> SpotifySession {
        guard case .sandbox(let base) = kind else { throw SpotifyError.notLoggedIn }
        if let embedded {
            guard let tokens = await embedded.server.state.demoLogin(userID: user) else { throw SpotifyError.notLoggedIn }
            return Self.sandbox(base, tokens: tokens, embedded: nil, logger: logger)
        }
        return try await Self.sandbox(at: base, user: user, logger: logger)
    }

    private static func sandbox(_ base: URL, tokens: TokenResponse, embedded: Embedded?, logger: Logger) -> SpotifySession {
        let endpoints = SpotifyEndpoints.sandbox(base)
        let accounts = AccountsClient(endpoints: endpoints, clientID: SandboxState.app.clientID)
        let snapshot = UserTokens.Snapshot(
            accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? "",
            expiresAt: Date().addingTimeInterval(TimeInterval(tokens.expiresIn)), scopes: SpotifyScope.setlist)
        return SpotifySession(
            client: SpotifyClient(endpoints: endpoints, tokens: UserTokens(accounts: accounts, snapshot: snapshot), logger: logger),
            kind: .sandbox(base), embedded: embedded)
    }
}
