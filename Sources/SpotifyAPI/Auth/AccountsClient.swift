import AsyncHTTPClient
import OutgoingHTTPS
import Foundation
import NIOCore
import NIOHTTP1
import SpotifyModels

/// Spotify's accounts service: the authorize URL and the token endpoint.
public struct AccountsClient: Sendable {
    public let endpoints: SpotifyEndpoints
    public let clientID: String
    /// Needed for app-only tokens; a PKCE login works without it.
    public let clientSecret: String?
    let http: HTTPClient

    public init(endpoints: SpotifyEndpoints = .spotify, clientID: String, clientSecret: String? = nil, http: HTTPClient = .outgoing) {
        self.endpoints = endpoints
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.http = http
    }

    /// Where to send the user's browser to log in and approve `scopes`.
    public func authorizeURL(redirectURI: String, scopes: [String], state: String, pkce: PKCE) -> URL {
        var components = URLComponents(url: endpoints.accounts.appendingPathComponent("authorize"), resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "client_id", value: clientID), URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "redirect_uri", value: redirectURI), URLQueryItem(name: "code_challenge_method", value: PKCE.method),
            URLQueryItem(name: "code_challenge", value: pkce.challenge), URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "scope", value: scopes.joined(separator: " ")),
        ]
        return components.url!
    }

    /// Trades the code from the redirect for tokens.
    public func exchange(code: String, redirectURI: String, pkce: PKCE) async throws -> TokenResponse {
        try await token([
            "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI, "client_id": clientID,
            "code_verifier": pkce.verifier,
        ])
    }

    /// A new access token (and perhaps a new refresh token) for a refresh token.
    ///
    /// - Throws: ``SpotifyError/loginExpired`` when Spotify answers `invalid_grant`.
    public func refresh(_ refreshToken: String) async throws -> TokenResponse {
        try await token(["grant_type": "refresh_token", "refresh_token": refreshToken, "client_id": clientID])
    }

    /// An app-only token, for search without a logged-in user.
    public func clientCredentials() async throws -> TokenResponse {
        guard let clientSecret else {
            throw SpotifyError.accounts(
                error: "missing_secret", description: "set SPOTIFY_CLIENT_SECRET to search without logging in")
        }
        return try await token(["grant_type": "client_credentials"], basic: (clientID, clientSecret))
    }

    /// A Setlist sandbox's own shortcut (`POST /sandbox/login`): tokens for one of its
    /// users without the authorize round trip. Real Spotify has no such thing.
    public func sandboxLogin(user: String) async throws -> TokenResponse {
        var components = URLComponents(url: endpoints.accounts.appendingPathComponent("sandbox/login"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "user", value: user)]
        guard let url = components?.url else { throw SpotifyError.invalidResponse("no sandbox login address for \(endpoints.accounts)") }
        return try await token([:], at: url)
    }

    private func token(_ form: [String: String], basic: (String, String)? = nil, at url: URL? = nil) async throws -> TokenResponse {
        var request = HTTPClientRequest(url: (url ?? endpoints.accounts.appendingPathComponent("api/token")).absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if let (id, secret) = basic {
            request.headers.add(name: "Authorization", value: "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        let response: HTTPClientResponse
        let answer: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(30))
            answer = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw SpotifyError.network("\(error)")
        }
        let data = Data(answer.readableBytesView)
        guard response.status == .ok else {
            let problem = try? SpotifyJSON.decoder().decode(AccountsErrorBody.self, from: data)
            if problem?.error == "invalid_grant" && form["grant_type"] == "refresh_token" { throw SpotifyError.loginExpired }
            throw SpotifyError.accounts(
                error: problem?.error ?? "HTTP \(response.status.code)", description: problem?.errorDescription ?? "no description")
        }
        do {
            return try SpotifyJSON.decoder().decode(TokenResponse.self, from: data)
        } catch {
            throw SpotifyError.invalidResponse("token endpoint: \(error)")
        }
    }
}
