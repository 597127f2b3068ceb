import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

/// The sandbox's accounts service, over HTTP: PKCE, state, rotation, revocation.
@Suite struct SandboxAccountsTests {
    @Test func authorizeRedirectsBackWithACodeAndTheState() async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.authorize(pkce: PKCE(), state: "st-123")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix(SandboxHarness.redirect + "?code=sbx-code-"))
            #expect(location.hasSuffix("&state=st-123"))
        }
    }

    @Test func aDemoLoginGivesTheListenerEveryScopeAndARefreshTokenThatRotates() async throws {
        try await SandboxHarness.run { sandbox in
            let tokens = try #require(await sandbox.state.demoLogin())
            #expect(Set((tokens.scope ?? "").split(separator: " ").map(String.init)) == Set(SpotifyScope.setlist))
            let me = try await sandbox.get("/v1/me", token: tokens.accessToken)
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).contains(SandboxUsers.listener))
            let refresh = try #require(tokens.refreshToken)
            let form = ["grant_type": "refresh_token", "refresh_token": refresh, "client_id": SandboxState.app.clientID]
            #expect(try await sandbox.postForm("/api/token", form).status == .ok)
            #expect(try await sandbox.postForm("/api/token", form).status == .badRequest)
        }
    }

    @Test func aDemoLoginNamesAUserTheSandboxHas() async throws {
        let state = SpotifySandboxServer().state
        #expect(await state.demoLogin(userID: "nobody") == nil)
    }

    @Test func aLocalhostRedirectIsRefusedAsSpotifyDoes() async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.client.execute(
                uri: "/authorize?client_id=sandbox-client&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8888%2Fcallback",
                method: .get)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("INVALID_CLIENT: Invalid redirect URI"))
        }
    }

    static func authorizeURI(redirect: String?) -> String {
        "/authorize?client_id=sandbox-client&response_type=code" + (redirect.map { "&redirect_uri=" + FormEncoding.encode($0) } ?? "")
    }

    @Test(arguments: [
        "javascript://127.0.0.1/%0Aalert(document.cookie)", "JavaScript://127.0.0.1/x", "data:text/html,<script>alert(1)</script>",
        "data://127.0.0.1/x", "https://127.0.0.1:8888/callback", "https://[::1]/callback", "file:///etc/passwd",
        "file://127.0.0.1/etc/passwd", "ftp://127.0.0.1/callback", "http://evil.example/callback",
        "http://127.0.0.1.evil.example/callback", "http://127.0.0.1@evil.example/callback", "http://localhost:8888/callback",
        "http://127.0.0.2/callback", "http://127.0.0.1:8888/callback#fragment", "https://setlist.example/other",
        "//127.0.0.1/callback", "127.0.0.1/callback", "",
    ])
    func onlyLoopbackHTTPAndRegisteredRedirectsAreFollowed(redirect: String) async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.client.execute(uri: Self.authorizeURI(redirect: redirect), method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.location] == nil)
            #expect(try sandbox.decode(AccountsErrorBody.self, response).errorDescription == "INVALID_CLIENT: Invalid redirect URI")
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:8888/callback", "http://127.0.0.1/callback", "http://[::1]:51000/cb?keep=1",
        "HTTP://127.0.0.1:9/x", "https://setlist.example/callback",
    ])
    func loopbackHTTPAndRegisteredRedirectsAreFollowed(redirect: String) async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.client.execute(uri: Self.authorizeURI(redirect: redirect), method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.lowercased().hasPrefix(redirect.lowercased()) == true)
            #expect(response.headers[.location]?.contains("code=sbx-code-") == true)
        }
    }

    @Test func aMissingRedirectIsInvalidToo() async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.client.execute(uri: Self.authorizeURI(redirect: nil), method: .get)
            #expect(response.status == .badRequest && response.headers[.location] == nil)
        }
    }

    @Test func theCodeNeedsTheRightVerifierAndIsGoodOnce() async throws {
        try await SandboxHarness.run { sandbox in
            let pkce = PKCE()
            let location = try #require(try await sandbox.authorize(pkce: pkce).headers[.location])
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            var form = [
                "grant_type": "authorization_code", "code": code, "redirect_uri": SandboxHarness.redirect,
                "client_id": "sandbox-client", "code_verifier": PKCE().verifier,
            ]
            let wrong = try await sandbox.postForm("/api/token", form)
            #expect(wrong.status == .badRequest)
            #expect(try sandbox.decode(AccountsErrorBody.self, wrong).error == "invalid_grant")
            form["code_verifier"] = pkce.verifier
            // The failed attempt spent the code, as a real authorization server does.
            #expect(try await sandbox.postForm("/api/token", form).status == .badRequest)
        }
    }

    @Test func refreshingRotatesTheRefreshToken() async throws {
        try await SandboxHarness.run { sandbox in
            let first = try await sandbox.login()
            let refreshToken = try #require(first.refreshToken)
            #expect(first.expiresIn == 3600)
            let refreshed = try sandbox.decode(
                TokenResponse.self,
                try await sandbox.postForm(
                    "/api/token", ["grant_type": "refresh_token", "refresh_token": refreshToken, "client_id": "sandbox-client"]))
            #expect(refreshed.refreshToken != nil && refreshed.refreshToken != refreshToken)
            #expect(try await sandbox.get("/v1/me", token: refreshed.accessToken).status == .ok)
            let reused = try await sandbox.postForm(
                "/api/token", ["grant_type": "refresh_token", "refresh_token": refreshToken, "client_id": "sandbox-client"])
            #expect(try sandbox.decode(AccountsErrorBody.self, reused).error == "invalid_grant")
        }
    }

    @Test func expiredRefreshTokensAreInvalidGrants() async throws {
        try await SandboxHarness.run(SandboxOptions(refreshTokenLifetime: .zero)) { sandbox in
            let tokens = try await sandbox.login()
            let answer = try await sandbox.postForm(
                "/api/token", ["grant_type": "refresh_token", "refresh_token": tokens.refreshToken ?? "", "client_id": "sandbox-client"])
            #expect(try sandbox.decode(AccountsErrorBody.self, answer).errorDescription == "Refresh token expired")
        }
    }

    @Test func clientCredentialsNeedTheSecret() async throws {
        try await SandboxHarness.run { sandbox in
            let good = try await sandbox.postForm("/api/token", ["grant_type": "client_credentials"], basic: ("sandbox-client", "sandbox-secret"))
            let token = try sandbox.decode(TokenResponse.self, good)
            #expect(token.refreshToken == nil)
            #expect(try await sandbox.get("/v1/search?q=rain&type=track", token: token.accessToken).status == .ok)
            #expect(try await sandbox.get("/v1/me", token: token.accessToken).status == .unauthorized)
            let bad = try await sandbox.postForm("/api/token", ["grant_type": "client_credentials"], basic: ("sandbox-client", "nope"))
            #expect(bad.status == .unauthorized)
        }
    }
}
