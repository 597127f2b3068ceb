import Curation
import Foundation
import Logging
import SpotifyAPI
import SpotifyModels
import SpotifySandbox

/// What the Spotify server's tools share: which Spotify they talk to, a login in
/// progress, the bot that publishes public mixes, and the store.
///
/// The session is chosen when first needed and again after a login: the user's
/// Spotify when logged in; app-only Spotify (search) with a client secret; the embedded
/// sandbox and its demo listener when no Spotify app is configured; or a running sandbox
/// given with `--sandbox URL`.
actor SpotifyContext {
    /// Where the server's Spotify is.
    enum Target: Sendable {
        /// Spotify itself (or whatever the configuration's endpoints name).
        case spotify(SpotifyConfiguration)
        /// A sandbox that runs elsewhere.
        case sandbox(URL)
        /// A sandbox started in this process.
        case embedded(SandboxOptions)
    }

    let target: Target
    let store: TokenStore
    let logger: Logger
    let features: (any FeatureCache)?
    let history: MixHistory?

    private var session: SpotifySession?
    private var bot: SpotifySession?
    private var pendingLogin: LoginFlow.Pending?

    init(target: Target, store: TokenStore, features: (any FeatureCache)?, history: MixHistory?, logger: Logger) {
        self.target = target
        self.store = store
        self.features = features
        self.history = history
        self.logger = logger
    }

    // MARK: - Sessions

    /// The current session, connecting on first use.
    func current() async throws -> SpotifySession {
        if let session { return session }
        let made: SpotifySession
        switch target {
        case .spotify(let configuration):
            made = try await SpotifySession.connect(configuration: configuration, store: store, logger: logger)
        case .sandbox(let url):
            made = try await SpotifySession.sandbox(at: url, logger: logger)
        case .embedded(let options):
            made = try await SpotifySession.embedded(options: options, logger: logger)
        }
        session = made
        return made
    }

    /// A client for the listener's own things (playlists, player, history): a session
    /// with a user, not app-only.
    func userClient() async throws -> SpotifyClient {
        let session = try await current()
        if case .appOnly = session.kind { throw SpotifyError.notLoggedIn }
        return session.client
    }

    /// The client of the bot account that publishes public mixes.
    func botClient() async throws -> SpotifyClient {
        if let bot { return bot.client }
        let made: SpotifySession
        switch target {
        case .spotify(let configuration):
            guard try store.load(.bot) != nil else { throw SpotifyServerError.noBotLogin }
            made = try await SpotifySession.connect(configuration: configuration, store: store, account: .bot, logger: logger)
        case .sandbox, .embedded:
            made = try await current().sandboxUser(SandboxUsers.bot, logger: logger)
        }
        bot = made
        return made.client
    }

    /// Stops an embedded sandbox.
    func stop() {
        session?.embedded?.stop()
    }

    // MARK: - Logging in over MCP

    /// The login flow of this server's Spotify app; sandboxes log in through their own
    /// accounts service, with their logins kept apart from the user's real ones.
    private func loginFlow() async throws -> LoginFlow {
        switch target {
        case .spotify(let configuration):
            return LoginFlow(configuration: configuration, store: store, logger: logger)
        case .sandbox, .embedded:
            guard case .sandbox(let base) = try await current().kind else { throw SpotifyError.notLoggedIn }
            let configuration = SpotifyConfiguration(
                clientID: SandboxState.app.clientID, redirectURI: URL(string: "http://127.0.0.1:8888/callback"),
                endpoints: .sandbox(base))
            return LoginFlow(configuration: configuration, store: sandboxLogins, logger: logger)
        }
    }

    /// Sandbox logins live in a folder of this process's own, never with real ones.
    private lazy var sandboxLogins = TokenStore(
        directory: FileManager.default.temporaryDirectory.appendingPathComponent("setlist-sandbox-logins-\(UUID().uuidString)").path)

    /// Starts a login: the address to open, kept with its PKCE verifier until completed.
    func beginLogin() async throws -> LoginFlow.Pending {
        let pending = try await loginFlow().begin(account: .user)
        pendingLogin = pending
        return pending
    }

    /// Finishes the login begun last, from the code or the address the browser landed
    /// on; the session then becomes the logged-in user's.
    func completeLogin(code: String?, redirectURL: String?) async throws -> TokenStore.Login {
        guard let pending = pendingLogin else { throw SpotifyServerError.noLoginInProgress }
        let flow = try await loginFlow()
        let login: TokenStore.Login
        if let redirectURL, !redirectURL.isEmpty {
            login = try await flow.finish(pending, pastedAddress: redirectURL)
        } else if let code, !code.isEmpty {
            login = try await flow.finish(pending, code: code)
        } else {
            throw SpotifyServerError.noCodeGiven
        }
        pendingLogin = nil
        switch target {
        case .spotify:
            session = nil
        case .sandbox, .embedded:
            let accounts = try flow.configuration.accounts()
            let previous = try await current()
            session = SpotifySession(
                client: SpotifyClient(
                    endpoints: flow.configuration.endpoints, tokens: flow.store.tokens(for: login, account: .user, accounts: accounts),
                    logger: logger),
                kind: previous.kind, embedded: previous.embedded)
        }
        return login
    }

    // MARK: - The recommender

    /// Setlist's recommender over this session's Spotify.
    func recommender(for client: SpotifyClient) -> Recommender {
        var sources: [any FeatureSource] = [ReccoBeatsFeatureSource(client: client)]
        if case .spotify = target { sources.insert(SpotifyFeatureSource(client: client), at: 0) }
        return Recommender(
            catalog: SpotifyCatalog(client: client), features: FeatureChain(cache: features, sources: sources),
            trackRecommender: ReccoBeatsRecommender(client: client), memory: history)
    }
}
