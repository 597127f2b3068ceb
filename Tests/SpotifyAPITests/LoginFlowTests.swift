import AsyncHTTPClient
import Foundation
import Logging
import SpotifySandbox
import Synchronization
import Testing

@testable import SpotifyAPI

/// Logging in end to end against the sandbox's accounts service, with a real
/// loopback callback and an HTTP client in the browser's place.
@Suite struct LoginFlowTests {
    /// Collects every log line, to prove no token is written to one.
    final class CapturedLogs: LogHandler, @unchecked Sendable {
        let lines = Mutex<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.withLock { $0.append("\(event.message) \(self.metadata.merging(event.metadata ?? [:]) { $1 })") }
        }
    }

    func temporaryStore() -> TokenStore {
        TokenStore(directory: FileManager.default.temporaryDirectory.path + "/setlist-login-\(UUID().uuidString)")
    }

    /// A browser that follows redirects, so the sandbox's answer lands on the callback.
    static func browse(_ url: URL, tamper: (@Sendable (URL) -> URL)? = nil) async {
        let browser = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
        do {
            var response = try await browser.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(10))
            if let location = response.headers.first(name: "Location"), var next = URL(string: location) {
                if let tamper { next = tamper(next) }
                response = try await browser.execute(HTTPClientRequest(url: next.absoluteString), timeout: .seconds(10))
            }
        } catch {}
        try? await browser.shutdown()
    }

    @Test func logsInSavesPrivatelyAndLogsNoToken() async throws {
        try await SandboxFixture.run { sandbox in
            let logs = CapturedLogs()
            let store = temporaryStore()
            let flow = LoginFlow(
                configuration: SpotifyConfiguration(clientID: SandboxState.app.clientID, endpoints: sandbox.endpoints),
                store: store, logger: Logger(label: "login") { _ in logs })
            let shown = Mutex<URL?>(nil)
            let login = try await flow.run(account: .user, via: .loopback(open: { await Self.browse($0) })) { url in
                shown.withLock { $0 = url }
            }
            #expect(login.userID == SandboxUsers.listener)
            #expect(shown.withLock { $0 }?.absoluteString.contains("code_challenge_method=S256") == true)
            let saved = try #require(try store.load(.user))
            #expect(saved == login)
            let mode = try FileManager.default.attributesOfItem(atPath: store.path(for: .user))[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let directoryMode = try FileManager.default.attributesOfItem(atPath: store.directory)[.posixPermissions] as? Int
            #expect(directoryMode == 0o700)
            let everything = logs.lines.withLock { $0.joined(separator: "\n") }
            #expect(!everything.isEmpty)
            #expect(!everything.contains(login.tokens.accessToken))
            #expect(!everything.contains(login.tokens.refreshToken))
        }
    }

    @Test func refusesAnAnswerWithAnotherState() async throws {
        try await SandboxFixture.run { sandbox in
            let store = temporaryStore()
            let flow = LoginFlow(
                configuration: SpotifyConfiguration(clientID: SandboxState.app.clientID, endpoints: sandbox.endpoints),
                store: store, logger: Logger(label: "login"))
            let forged: @Sendable (URL) -> URL = { url in
                var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
                components.queryItems = components.queryItems?.map { $0.name == "state" ? URLQueryItem(name: "state", value: "forged") : $0 }
                return components.url!
            }
            await #expect(throws: LoginError.stateMismatch) {
                try await flow.run(account: .user, via: .loopback(open: { await Self.browse($0, tamper: forged) })) { _ in }
            }
            let saved = try store.load(.user)
            #expect(saved == nil)
        }
    }

    @Test func aWrongVerifierGetsNoTokens() async throws {
        try await SandboxFixture.run { sandbox in
            let pkce = PKCE()
            let url = sandbox.accounts.authorizeURL(redirectURI: SandboxFixture.redirect, scopes: ["user-read-private"], state: "s", pkce: pkce)
            let browser = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
            let response = try await browser.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(10))
            try await browser.shutdown()
            let location = try #require(response.headers.first(name: "Location"))
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            await #expect {
                _ = try await sandbox.accounts.exchange(code: code, redirectURI: SandboxFixture.redirect, pkce: PKCE())
            } throws: { error in
                guard case SpotifyError.accounts(let name, _) = error else { return false }
                return name == "invalid_grant"
            }
        }
    }

    @Test func readsAPastedAddress() throws {
        #expect(try LoginFlow.code(fromPasted: " http://127.0.0.1:8888/callback?code=abc&state=s1 \n", expectedState: "s1") == "abc")
        #expect(throws: LoginError.stateMismatch) { try LoginFlow.code(fromPasted: "http://127.0.0.1:8888/callback?code=abc&state=s2", expectedState: "s1") }
        #expect(throws: LoginError.denied("access_denied")) {
            try LoginFlow.code(fromPasted: "http://127.0.0.1:8888/callback?error=access_denied&state=s1", expectedState: "s1")
        }
        #expect(throws: LoginError.badPaste) { try LoginFlow.code(fromPasted: "not a url at all", expectedState: "s1") }
    }
}

/// Saved logins after they are used: rotation saved, a dead login removed; app-only tokens.
@Suite struct SavedLoginTests {
    func store() -> TokenStore {
        TokenStore(directory: FileManager.default.temporaryDirectory.path + "/setlist-saved-\(UUID().uuidString)")
    }

    func saved(_ sandbox: SandboxFixture, in store: TokenStore, account: TokenStore.Account) async throws -> TokenStore.Login {
        let tokens = try await sandbox.login()
        let login = TokenStore.Login(
            tokens: .init(accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? "", expiresAt: Date().addingTimeInterval(3600), scopes: SandboxFixture.scopes),
            userID: SandboxUsers.listener, displayName: nil, clientID: SandboxState.app.clientID)
        try store.save(login, for: account)
        return login
    }

    @Test func aRotatedRefreshTokenIsSaved() async throws {
        try await SandboxFixture.run { sandbox in
            let store = store()
            let login = try await saved(sandbox, in: store, account: .bot)
            #expect(store.path(for: .bot).hasSuffix("spotify-bot.json"))
            let client = SpotifyClient(endpoints: sandbox.endpoints, tokens: store.tokens(for: login, account: .bot, accounts: sandbox.accounts))
            await sandbox.state.expireAccessTokens()
            _ = try await client.me()
            let after = try #require(try store.load(.bot))
            #expect(after.tokens.refreshToken != login.tokens.refreshToken)
            #expect(after.userID == login.userID)
        }
    }

    @Test func aRevokedLoginIsRemoved() async throws {
        try await SandboxFixture.run { sandbox in
            let store = store()
            let login = try await saved(sandbox, in: store, account: .user)
            let client = SpotifyClient(endpoints: sandbox.endpoints, tokens: store.tokens(for: login, account: .user, accounts: sandbox.accounts))
            await sandbox.state.revokeRefreshTokens()
            await sandbox.state.expireAccessTokens()
            await #expect(throws: SpotifyError.loginExpired) { _ = try await client.me() }
            let left = try store.load(.user)
            #expect(left == nil)
        }
    }

    @Test func appTokensSearchWithoutAUser() async throws {
        try await SandboxFixture.run { sandbox in
            let client = SpotifyClient(endpoints: sandbox.endpoints, tokens: AppTokens(accounts: sandbox.accounts))
            let first = try await client.search("rain")
            #expect(first.tracks?.items.isEmpty == false)
            await sandbox.state.expireAccessTokens()
            let second = try await client.search("coffee")
            #expect(second.tracks?.items.isEmpty == false)
            await #expect(throws: SpotifyError.loginExpired) { _ = try await client.me() }
            let noSecret = AccountsClient(endpoints: sandbox.endpoints, clientID: SandboxState.app.clientID)
            await #expect { _ = try await noSecret.clientCredentials() } throws: { error in
                (error as? SpotifyError)?.errorDescription?.contains("SPOTIFY_CLIENT_SECRET") == true
            }
        }
    }
}
