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
        let accounts = try configuration.accounts()
        let pkce = PKCE()
        let state = PKCE().verifier.prefix(24).description
        let code: String
        let redirect: URL
        switch way {
        case .loopback(let open):
            let callback = try await LoopbackCallback(redirect: configuration.redirectURI, expectedState: state, logger: logger)
            redirect = callback.redirectURI
            let url = accounts.authorizeURL(redirectURI: redirect.absoluteString, scopes: SpotifyScope.setlist, state: state, pkce: pkce)
            show(url)
            await open(url)
            code = try await callback.code(timeout: timeout)
        case .paste(let read):
            redirect = configuration.redirectURI ?? URL(string: "http://127.0.0.1:8888/callback")!
            let url = accounts.authorizeURL(redirectURI: redirect.absoluteString, scopes: SpotifyScope.setlist, state: state, pkce: pkce)
            show(url)
            guard let pasted = await read() else { throw LoginError.noCode }
            code = try Self.code(fromPasted: pasted, expectedState: state)
        }
        let answer = try await accounts.exchange(code: code, redirectURI: redirect.absoluteString, pkce: pkce)
        let tokens = UserTokens.Snapshot(
            accessToken: answer.accessToken, refreshToken: answer.refreshToken ?? "",
            expiresAt: Date().addingTimeInterval(TimeInterval(answer.expiresIn)),
            scopes: answer.scope.map { $0.split(separator: " ").map(String.init) } ?? SpotifyScope.setlist)
        let client = SpotifyClient(endpoints: configuration.endpoints, tokens: FixedAccessToken(answer.accessToken), logger: logger)
        let user = try await client.me()
        let login = TokenStore.Login(tokens: tokens, userID: user.id, displayName: user.displayName, clientID: accounts.clientID)
        try store.save(login, for: account)
        logger.info("Logged in to Spotify", metadata: ["account": "\(account.rawValue)", "user": "\(user.id)"])
        return login
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
