import Foundation
import Logging
import SpotifyModels
import SpotifyServer
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

/// Which Spotify a session reaches, from the settings there are.
@Suite struct SpotifySessionTests {
    func emptyStore() -> TokenStore {
        TokenStore(directory: FileManager.default.temporaryDirectory.path + "/setlist-session-\(UUID().uuidString)")
    }

    @Test func withoutAnAppItUsesAnEmbeddedSandbox() async throws {
        let session = try await SpotifySession.connect(
            configuration: SpotifyConfiguration(clientID: nil), store: emptyStore(), logger: Logger(label: "test"))
        defer { session.embedded?.stop() }
        guard case .sandbox(let url) = session.kind else {
            Issue.record("expected the embedded sandbox, got \(session.kind)")
            return
        }
        #expect(url.host == "127.0.0.1")
        #expect(try await session.client.me().id == SandboxUsers.listener)
        #expect(session.summary.contains("sandbox"))
    }

    @Test func withAnAppAndALoginItUsesTheLogin() async throws {
        let sandbox = try await SpotifySession.embedded(logger: Logger(label: "test"))
        defer { sandbox.embedded?.stop() }
        let store = emptyStore()
        let tokens = sandbox.client.tokens
        let snapshot = UserTokens.Snapshot(
            accessToken: try await tokens.accessToken(), refreshToken: "unused", expiresAt: Date().addingTimeInterval(3600), scopes: [])
        try store.save(.init(tokens: snapshot, userID: SandboxUsers.listener, displayName: nil, clientID: "sandbox-client"), for: .user)
        let configuration = SpotifyConfiguration(clientID: "sandbox-client", endpoints: sandbox.client.endpoints)
        let session = try await SpotifySession.connect(configuration: configuration, store: store, logger: Logger(label: "test"))
        #expect(session.kind == .user(id: SandboxUsers.listener))
        #expect(session.embedded == nil)
        // The login was saved with no scopes: every scope Setlist asks for is missing.
        #expect(session.missingScopes == SpotifyScope.setlist.sorted())
        #expect(try await session.client.me().id == SandboxUsers.listener)
    }

    @Test func withAnAppButNoLoginItNeedsTheSecretOrALogin() async throws {
        let configuration = SpotifyConfiguration(clientID: "app")
        await #expect(throws: SpotifyError.notLoggedIn) {
            _ = try await SpotifySession.connect(configuration: configuration, store: emptyStore(), logger: Logger(label: "test"))
        }
        let withSecret = SpotifyConfiguration(clientID: "app", clientSecret: "secret")
        let session = try await SpotifySession.connect(configuration: withSecret, store: emptyStore(), logger: Logger(label: "test"))
        #expect(session.kind == .appOnly)
    }

    @Test func aRunningSandboxIsReachedByItsAddressAndItsBotToo() async throws {
        let embedded = try await SpotifySession.embedded(logger: Logger(label: "test"))
        defer { embedded.embedded?.stop() }
        guard case .sandbox(let base) = embedded.kind else {
            Issue.record("expected a sandbox, got \(embedded.kind)")
            return
        }
        let remote = try await SpotifySession.sandbox(at: base, logger: Logger(label: "test"))
        #expect(remote.embedded == nil)
        #expect(try await remote.client.me().id == SandboxUsers.listener)
        let bot = try await remote.sandboxUser(SandboxUsers.bot, logger: Logger(label: "test"))
        #expect(try await bot.client.me().id == SandboxUsers.bot)
        let embeddedBot = try await embedded.sandboxUser(SandboxUsers.bot, logger: Logger(label: "test"))
        #expect(try await embeddedBot.client.me().id == SandboxUsers.bot)
        await #expect(throws: SpotifyError.self) {
            _ = try await SpotifySession.sandbox(at: base, user: "nobody", logger: Logger(label: "test"))
        }
    }
}
