import Foundation
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

    @Test func aLocalhostRedirectIsRefusedAsSpotifyDoes() async throws {
        try await SandboxHarness.run { sandbox in
            let response = try await sandbox.client.execute(
                uri: "/authorize?client_id=sandbox-client&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8888%2Fcallback",
                method: .get)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("INVALID_CLIENT: Invalid redirect URI"))
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
