import Foundation
import Logging
import SpotifyModels

/// Logging in to Spotify: Authorization Code with PKCE, the redirect caught on
/// 127.0.0.1 (or pasted by hand on machines without a browser), tokens saved.
public struct LoginFlow: Sendable {
    /// How the code gets back to Setlist.
    public enum Return: Sendable {
        /// A loopback server catches the redirect; `open` is offered the URL to show in a browser.
        case loopback(open: @Sendable (URL) async -> Void)
        /// The person pastes the address the browser landed on; `read` returns it.
        case paste(read: @Sendable () async -> String?)
    }

    public let configuration: SpotifyConfiguration
    public let store: TokenStore
    public let logger: Logger
    public var timeout: Duration = .seconds(300)

    public init(configuration: SpotifyConfiguration, store: TokenStore, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    /// Runs the login for `account` and saves it.
    ///
    /// - Parameter show: receives the authorize URL, which is always shown to the person.
    @discardableResult
    public func run(account: TokenStore.Account, via way: Return, show: @Sendable (URL) -> Void) async throws -> TokenStore.Login {
        switch way {
        case .loopback(let open):
            let state = Self.newState()
            let callback = try await LoopbackCallback(redirect: configuration.redirectURI, expectedState: state, logger: logger)
            let pending = try begin(account: account, redirectURI: callback.redirectURI, state: state)
            show(pending.authorizeURL)
            await open(pending.authorizeURL)
            return try await finish(pending, code: try await callback.code(timeout: timeout))
        case .paste(let read):
            let pending = try begin(account: account)
            show(pending.authorizeURL)
            guard let pasted = await read() else { throw LoginError.noCode }
            return try await finish(pending, pastedAddress: pasted)
        }
    }

    // MARK: - In two steps

    /// A login started and not yet finished: what the person opens, and what only this
    /// process knows (the PKCE verifier, the state), kept until the answer comes back.
    public struct Pending: Sendable {
        public let account: TokenStore.Account
        public let authorizeURL: URL
        public let redirectURI: URL
        let pkce: PKCE
        let state: String
    }

    /// Starts a login whose answer comes back as a code or as the address the browser
    /// landed on (MCP's `auth_begin`, `setlist auth login --paste`).
    public func begin(account: TokenStore.Account, redirectURI: URL? = nil, state: String = newState()) throws -> Pending {
        let accounts = try configuration.accounts()
        let pkce = PKCE()
        let redirect = redirectURI ?? configuration.redirectURI ?? URL(string: "http://127.0.0.1:8888/callback")!
        let url = accounts.authorizeURL(redirectURI: redirect.absoluteString, scopes: SpotifyScope.setlist, state: state, pkce: pkce)
        return Pending(account: account, authorizeURL: url, redirectURI: redirect, pkce: pkce, state: state)
    }

    /// Finishes a login from the address the browser landed on, checking its state.
    public func finish(_ pending: Pending, pastedAddress: String) async throws -> TokenStore.Login {
        try await finish(pending, code: try Self.code(fromPasted: pastedAddress, expectedState: pending.state))
    }

    /// Exchanges the code, reads who logged in, and saves the login.
    public func finish(_ pending: Pending, code: String) async throws -> TokenStore.Login {
        let accounts = try configuration.accounts()
        let answer = try await accounts.exchange(code: code, redirectURI: pending.redirectURI.absoluteString, pkce: pending.pkce)
        let tokens = UserTokens.Snapshot(
            accessToken: answer.accessToken, refreshToken: answer.refreshToken ?? "",
            expiresAt: Date().addingTimeInterval(TimeInterval(answer.expiresIn)),
            scopes: answer.scope.map { $0.split(separator: " ").map(String.init) } ?? SpotifyScope.setlist)
        let client = SpotifyClient(endpoints: configuration.endpoints, tokens: FixedAccessToken(answer.accessToken), logger: logger)
        let user = try await client.me()
        let login = TokenStore.Login(tokens: tokens, userID: user.id, displayName: user.displayName, clientID: accounts.clientID)
        try store.save(login, for: pending.account)
        logger.info("Logged in to Spotify", metadata: ["account": "\(pending.account.rawValue)", "user": "\(user.id)"])
        return login
    }

    /// A fresh `state`, which ties an answer to the login that asked for it.
    public static func newState() -> String {
        PKCE().verifier.prefix(24).description
    }

    /// The code in the address the browser landed on, if its state is this login's.
    static func code(fromPasted pasted: String, expectedState: String) throws(LoginError) -> String {
        let text = pasted.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let items = URLComponents(string: text)?.queryItems else { throw .badPaste }
        let values = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        if let error = values["error"] { throw .denied(error) }
        guard values["state"] == expectedState else { throw .stateMismatch }
        guard let code = values["code"], !code.isEmpty else { throw .noCode }
        return code
    }
}

/// Why a login did not finish.
public enum LoginError: Error, LocalizedError, Equatable, Sendable {
    case denied(String)
    case stateMismatch
    case noCode
    case badPaste
    case timedOut
    case callbackFailed

    public var errorDescription: String? {
        switch self {
        case .denied(let reason):
            "Spotify did not grant access (\(reason)): run `setlist auth login` again and approve."
        case .stateMismatch:
            "The answer did not come from this login attempt (its state differs): run `setlist auth login` again and use the newest link."
        case .noCode:
            "The answer carried no authorization code: run `setlist auth login` again."
        case .badPaste:
            "That is not the address the browser landed on: copy the whole URL from the address bar (it starts with your redirect URI and contains code=)."
        case .timedOut:
            "No answer from the browser within five minutes: run `setlist auth login` again, or `setlist auth login --paste` on a machine without a browser."
        case .callbackFailed:
            "Could not listen for the browser's answer on 127.0.0.1: is the redirect URI's port in use? Try another port in SPOTIFY_REDIRECT_URI."
        }
    }
}
