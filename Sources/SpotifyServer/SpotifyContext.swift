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
    /// The time prompts that name none are read at.
    let clock: any DayClock

    /// The session being made or made. A task, so that calls arriving together share
    /// one connection (one embedded sandbox) instead of each starting its own.
    private var session: Task<SpotifySession, any Error>?
    private var bot: Task<SpotifySession, any Error>?
    private var pendingLogin: LoginFlow.Pending?
    /// Tracks recommended lately, so a playlist made from them is remembered by name.
    private var recommended: [String: Track] = [:]
    private var recommendedOrder: [String] = []
    static let recommendedKept = 1_000
    /// A folder of this process's own for what a sandbox run keeps (logins, mixes,
    /// features), so a fictional catalog never mixes with the listener's real data.
    let scratch: String?

    init(
        target: Target, store: TokenStore, scratch: String? = nil, features: (any FeatureCache)?, history: MixHistory?,
        clock: any DayClock = SystemDayClock(), logger: Logger
    ) {
        self.target = target
        self.store = store
        self.scratch = scratch
        self.features = features
        self.history = history
        self.clock = clock
        self.logger = logger
    }

    // MARK: - Sessions

    /// The current session, connecting on first use; a failed connection is tried again
    /// on the next call.
    func current() async throws -> SpotifySession {
        let task = session ?? makeSessionTask()
        session = task
        do {
            return try await task.value
        } catch {
            if session == task { session = nil }
            throw error
        }
    }

    private func makeSessionTask() -> Task<SpotifySession, any Error> {
        let (target, store, logger) = (target, store, logger)
        return Task {
            switch target {
            case .spotify(let configuration):
                try await SpotifySession.connect(configuration: configuration, store: store, logger: logger)
            case .sandbox(let url):
                try await SpotifySession.sandbox(at: url, logger: logger)
            case .embedded(let options):
                try await SpotifySession.embedded(options: options, logger: logger)
            }
        }
    }

    /// A client for the listener's own things (playlists, player, history): a session
    /// with a user, not app-only, whose login grants every scope Setlist asks for.
    func userClient() async throws -> SpotifyClient {
        let session = try await current()
        if case .appOnly = session.kind { throw SpotifyError.notLoggedIn }
        guard session.missingScopes.isEmpty else { throw SpotifyError.missingScope(session.missingScopes.joined(separator: ", ")) }
        return session.client
    }

    /// The client of the bot account that publishes public mixes.
    func botClient() async throws -> SpotifyClient {
        let task = bot ?? makeBotTask()
        bot = task
        do {
            return try await task.value.client
        } catch {
            if bot == task { bot = nil }
            throw error
        }
    }

    private func makeBotTask() -> Task<SpotifySession, any Error> {
        let (target, store, logger) = (target, store, logger)
        return Task {
            switch target {
            case .spotify(let configuration):
                guard try store.load(.bot) != nil else { throw SpotifyServerError.noBotLogin }
                return try await SpotifySession.connect(configuration: configuration, store: store, account: .bot, logger: logger)
            case .sandbox, .embedded:
                return try await self.current().sandboxUser(SandboxUsers.bot, logger: logger)
            }
        }
    }

    /// Stops an embedded sandbox and removes what a sandbox run kept.
    func stop() async {
        (try? await session?.value)?.embedded?.stop()
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
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
            let scratch = scratch ?? FileManager.default.temporaryDirectory.path
            let configuration = SpotifyConfiguration(clientID: SandboxState.app.clientID, endpoints: .sandbox(base))
            return LoginFlow(configuration: configuration, store: TokenStore(directory: scratch + "/logins"), logger: logger)
        }
    }

    /// Starts a login: the address to open, kept with its PKCE verifier until completed.
    func beginLogin() async throws -> LoginFlow.Pending {
        let pending = try await loginFlow().begin(account: .user)
        pendingLogin = pending
        return pending
    }

    /// Finishes the login begun last, from the code or the address the browser landed
    /// on; the session then becomes the logged-in user's. A failed attempt leaves the
    /// login open, so the right address can still finish it.
    func completeLogin(code: String?, redirectURL: String?) async throws -> TokenStore.Login {
        guard let pending = pendingLogin else { throw SpotifyServerError.noLoginInProgress }
        guard !(redirectURL ?? "").isEmpty || !(code ?? "").isEmpty else { throw SpotifyServerError.noCodeGiven }
        // Taken before any wait, so a second completion cannot use it too.
        pendingLogin = nil
        do {
            let flow = try await loginFlow()
            let login =
                if let redirectURL, !redirectURL.isEmpty {
                    try await flow.finish(pending, pastedAddress: redirectURL)
                } else {
                    try await flow.finish(pending, code: code ?? "")
                }
            try await switchSession(to: login, flow: flow)
            return login
        } catch {
            if pendingLogin == nil { pendingLogin = pending }
            throw error
        }
    }

    /// The session after a login: read again from the store for Spotify, the new user of
    /// the same sandbox otherwise.
    private func switchSession(to login: TokenStore.Login, flow: LoginFlow) async throws {
        switch target {
        case .spotify:
            session = nil
        case .sandbox, .embedded:
            let previous = try await current()
            let accounts = try flow.configuration.accounts()
            let client = SpotifyClient(
                endpoints: flow.configuration.endpoints, tokens: flow.store.tokens(for: login, account: .user, accounts: accounts),
                logger: logger)
            let next = SpotifySession(client: client, kind: previous.kind, embedded: previous.embedded)
            session = Task { next }
        }
    }

    // MARK: - The recommender

    /// Keeps recommended tracks at hand (the latest thousand).
    func remember(_ tracks: [Track]) {
        for track in tracks where recommended.updateValue(track, forKey: track.id) == nil {
            recommendedOrder.append(track.id)
        }
        while recommendedOrder.count > Self.recommendedKept {
            recommended[recommendedOrder.removeFirst()] = nil
        }
    }

    /// A track recommended lately, by id.
    func recommendedTrack(_ id: String) -> Track? {
        recommended[id]
    }

    /// Setlist's recommender over this session's Spotify.
    func recommender(for client: SpotifyClient) -> Recommender {
        var sources: [any FeatureSource] = [ReccoBeatsFeatureSource(client: client)]
        if case .spotify = target { sources.insert(SpotifyFeatureSource(client: client), at: 0) }
        return Recommender(
            catalog: SpotifyCatalog(client: client), features: FeatureChain(cache: features, sources: sources),
            trackRecommender: ReccoBeatsRecommender(client: client), memory: history)
    }
}
