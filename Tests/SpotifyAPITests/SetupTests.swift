import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI

@Suite struct SetupTests {
    @Test func readsDotEnvFiles() {
        let values = DotEnv.parse(
            """
            # Spotify app
            SPOTIFY_CLIENT_ID=abc123
            export SPOTIFY_CLIENT_SECRET="s3 cret"
            SPOTIFY_REDIRECT_URI='http://127.0.0.1:8888/callback' # registered
            BROKEN LINE
            """)
        #expect(values == ["SPOTIFY_CLIENT_ID": "abc123", "SPOTIFY_CLIENT_SECRET": "s3 cret", "SPOTIFY_REDIRECT_URI": "http://127.0.0.1:8888/callback"])
    }

    @Test func refusesALocalhostRedirectWithTheFix() {
        #expect {
            _ = try SpotifyConfiguration.from(["SPOTIFY_CLIENT_ID": "x", "SPOTIFY_REDIRECT_URI": "http://localhost:8888/callback"])
        } throws: { error in
            (error as? ConfigurationError)?.errorDescription?.contains("http://127.0.0.1:8888/callback") == true
        }
        #expect(throws: ConfigurationError.self) {
            _ = try SpotifyConfiguration.from(["SPOTIFY_REDIRECT_URI": "https://example.com/callback"])
        }
    }

    @Test func pointsAtASandboxWhenAsked() throws {
        let configuration = try SpotifyConfiguration.from(["SPOTIFY_CLIENT_ID": "x", "SETLIST_SPOTIFY_BASE": "http://127.0.0.1:8899"])
        #expect(configuration.endpoints.api.absoluteString == "http://127.0.0.1:8899/v1")
        #expect(configuration.endpoints.reccoBeats.absoluteString == "http://127.0.0.1:8899/reccobeats/v1")
        #expect(configuration.redirectURI == nil)
        #expect(throws: ConfigurationError.missingClientID) { _ = try SpotifyConfiguration.from([:]).accounts() }
    }

    @Test func keepsTokensInTheDataFolderPrivately() throws {
        let store = TokenStore.standard(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"])
        #expect(store.path(for: .bot) == "/data/setlist/spotify-bot.json")
        #expect(TokenStore.standard(environment: ["HOME": "/home/ana"]).directory == "/home/ana/.local/share/setlist")

        let temporary = TokenStore(directory: FileManager.default.temporaryDirectory.path + "/setlist-store-\(UUID().uuidString)")
        let login = TokenStore.Login(
            tokens: .init(accessToken: "a", refreshToken: "r", expiresAt: Date(timeIntervalSince1970: 1_800_000_000), scopes: ["x"]),
            userID: "u", displayName: nil, clientID: "c")
        try temporary.save(login, for: .user)
        try temporary.save(login, for: .user)
        #expect(try temporary.load(.user) == login)
        #expect(try temporary.load(.bot) == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        try temporary.delete(.user)
        #expect(try temporary.load(.user) == nil)
    }
}

@Suite struct FormEncodingTests {
    @Test func readsPlusAsASpaceAndPercentEscapes() {
        #expect(
            FormEncoding.decode("scope=user-top-read+user-read-private&state=a%2Bb&code=x&code=y&flag")
                == ["scope": "user-top-read user-read-private", "state": "a+b", "code": "x", "flag": ""])
    }

    @Test func writesWhatItReads() {
        let form = ["q": "café & crema", "redirect_uri": "http://127.0.0.1:8888/callback", "ids": "a,b"]
        #expect(FormEncoding.decode(FormEncoding.encode(form)) == form)
        #expect(FormEncoding.encode(["b": "2", "a": "1 2"]) == "a=1%202&b=2")
    }
}
