import AsyncHTTPClient
import Foundation
import Logging
import SpotifyModels
import SpotifySandbox
import Testing

@testable import SpotifyAPI

/// A sandbox running in this process on a loopback port, and ways to log in to it.
struct SandboxFixture {
    let server: SpotifySandboxServer
    let endpoints: SpotifyEndpoints
    let task: Task<Void, any Error>
    var state: SandboxState { server.state }

    static let scopes = SpotifyScope.setlist
    static let redirect = "http://127.0.0.1:8888/callback"

    static func run(_ options: SandboxOptions = SandboxOptions(), _ body: (SandboxFixture) async throws -> Void) async throws {
        let server = SpotifySandboxServer(options: options)
        let (base, task) = try await server.start(logger: Logger(label: "sandbox"))
        let fixture = SandboxFixture(server: server, endpoints: .sandbox(base), task: task)
        defer { task.cancel() }
        try await body(fixture)
    }

    var accounts: AccountsClient {
        AccountsClient(endpoints: endpoints, clientID: SandboxState.app.clientID, clientSecret: SandboxState.app.clientSecret)
    }

    /// Logs in with PKCE as a browser would: open the authorize URL, read the redirect, exchange the code.
    func login(user: String = SandboxUsers.listener, scopes: [String] = scopes) async throws -> TokenResponse {
        let pkce = PKCE()
        var url = accounts.authorizeURL(redirectURI: Self.redirect, scopes: scopes, state: "s", pkce: pkce)
        url.append(queryItems: [URLQueryItem(name: "sandbox_user", value: user)])
        let browser = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
        let response = try await browser.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(10))
        try await browser.shutdown()
        let location = try #require(response.headers.first(name: "Location"))
        let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
        return try await accounts.exchange(code: code, redirectURI: Self.redirect, pkce: pkce)
    }

    /// A client for a freshly logged-in user whose tokens refresh themselves.
    func client(
        user: String = SandboxUsers.listener, scopes: [String] = scopes, retry: RetryPolicy = RetryPolicy(firstBackoff: .milliseconds(10)),
        onChange: @escaping @Sendable (UserTokens.Snapshot?) async -> Void = { _ in }
    ) async throws -> SpotifyClient {
        let tokens = try await login(user: user, scopes: scopes)
        let snapshot = UserTokens.Snapshot(
            accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? "", expiresAt: Date().addingTimeInterval(3600),
            scopes: scopes)
        return SpotifyClient(
            endpoints: endpoints, tokens: UserTokens(accounts: accounts, snapshot: snapshot, onChange: onChange), retry: retry)
    }
}
