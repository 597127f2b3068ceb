import Crypto
import Foundation
import SpotifyModels

/// The accounts service: an authorize page that approves at once, and the token endpoint.
extension SandboxState {
    /// `GET /authorize`: checks the request as Spotify does and redirects back with a code.
    ///
    /// `sandbox_user` picks who logs in (the demo listener by default).
    func authorize(_ query: [String: String]) -> SandboxResponse {
        guard query["client_id"] == Self.app.clientID else {
            return .accountsError("invalid_client", "Invalid client")
        }
        guard query["response_type"] == "code" else {
            return .accountsError("unsupported_response_type", "response_type must be code")
        }
        guard let redirect = query["redirect_uri"], Self.app.accepts(redirectURI: redirect),
            var components = URLComponents(string: redirect)
        else {
            return .accountsError("invalid_client", "INVALID_CLIENT: Invalid redirect URI")
        }
        let challenge = query["code_challenge"] ?? ""
        if !challenge.isEmpty && query["code_challenge_method"] != PKCEChallenge.method {
            return .accountsError("invalid_request", "code_challenge_method must be S256")
        }
        let userID = query["sandbox_user"] ?? SandboxUsers.listener
        guard users[userID] != nil else { return .accountsError("invalid_request", "No sandbox user \(userID)") }
        let code = newToken("sbx-code")
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "code", value: code)]
            + (query["state"].map { [URLQueryItem(name: "state", value: $0)] } ?? [])
        guard let location = components.string else {
            return .accountsError("invalid_client", "INVALID_CLIENT: Invalid redirect URI")
        }
        codes[code] = PendingCode(
            clientID: Self.app.clientID, redirectURI: redirect, challenge: challenge,
            scopes: Set((query["scope"] ?? "").split(separator: " ").map(String.init)), userID: userID,
            expires: Date().addingTimeInterval(600))
        return .redirect(to: location)
    }

    /// Logs a sandbox user straight in, as if they had approved the app: an access token
    /// and a refresh token with every scope Setlist asks for. The embedded sandbox and
    /// `setlist sandbox token` use it; nothing about it is Spotify's.
    public func demoLogin(userID: String = SandboxUsers.listener) -> TokenResponse? {
        guard users[userID] != nil else { return nil }
        let scopes = Set(SpotifyScope.setlist)
        let refreshToken = newToken("sbx-rt")
        refreshTokens[refreshToken] = RefreshGrant(
            userID: userID, clientID: Self.app.clientID, scopes: scopes, authorizedAt: Date())
        return tokens(userID: userID, scopes: scopes, refreshToken: refreshToken)
    }

    /// `POST /api/token`: authorization code (with PKCE), refresh token, or client credentials.
    ///
    /// - Parameter basic: the client id and secret from an HTTP Basic header, if sent.
    func token(_ form: [String: String], basic: (id: String, secret: String)?) -> SandboxResponse {
        switch form["grant_type"] {
        case "authorization_code": exchange(form, basic: basic)
        case "refresh_token": refresh(form, basic: basic)
        case "client_credentials":
            if let basic, basic.id == Self.app.clientID, basic.secret == Self.app.clientSecret {
                issue(userID: nil, scopes: [], refreshToken: nil)
            } else {
                .accountsError("invalid_client", "Invalid client secret", status: 401)
            }
        default: .accountsError("unsupported_grant_type", "grant_type must be authorization_code, refresh_token or client_credentials")
        }
    }

    private func exchange(_ form: [String: String], basic: (id: String, secret: String)?) -> SandboxResponse {
        guard let code = form["code"], let pending = codes.removeValue(forKey: code), pending.expires > Date() else {
            return .accountsError("invalid_grant", "Invalid authorization code")
        }
        guard form["redirect_uri"] == pending.redirectURI else {
            return .accountsError("invalid_grant", "Invalid redirect URI")
        }
        guard (form["client_id"] ?? basic?.id) == pending.clientID else {
            return .accountsError("invalid_client", "Invalid client")
        }
        if pending.challenge.isEmpty {
            guard basic?.secret == Self.app.clientSecret else { return .accountsError("invalid_client", "Invalid client secret") }
        } else {
            guard let verifier = form["code_verifier"],
                PKCEChallenge.text(ofDigest: SHA256.hash(data: Data(verifier.utf8))) == pending.challenge
            else {
                return .accountsError("invalid_grant", "code_verifier was incorrect.")
            }
        }
        let refreshToken = newToken("sbx-rt")
        refreshTokens[refreshToken] = RefreshGrant(
            userID: pending.userID, clientID: pending.clientID, scopes: pending.scopes, authorizedAt: Date())
        return issue(userID: pending.userID, scopes: pending.scopes, refreshToken: refreshToken)
    }

    /// Refreshing rotates the refresh token: the old one stops working, the new one keeps
    /// the original authorization time, so six months after login it expires regardless.
    private func refresh(_ form: [String: String], basic: (id: String, secret: String)?) -> SandboxResponse {
        guard let old = form["refresh_token"], let grant = refreshTokens.removeValue(forKey: old) else {
            return .accountsError("invalid_grant", "Refresh token revoked")
        }
        guard (form["client_id"] ?? basic?.id) == grant.clientID else {
            return .accountsError("invalid_client", "Invalid client")
        }
        let lifetime = TimeInterval(options.refreshTokenLifetime.components.seconds)
        guard grant.authorizedAt.addingTimeInterval(lifetime) > Date() else {
            return .accountsError("invalid_grant", "Refresh token expired")
        }
        let rotated = newToken("sbx-rt")
        refreshTokens[rotated] = grant
        return issue(userID: grant.userID, scopes: grant.scopes, refreshToken: rotated)
    }

    private func issue(userID: String?, scopes: Set<String>, refreshToken: String?) -> SandboxResponse {
        .json(tokens(userID: userID, scopes: scopes, refreshToken: refreshToken))
    }

    private func tokens(userID: String?, scopes: Set<String>, refreshToken: String?) -> TokenResponse {
        let token = newToken("sbx-at")
        let lifetime = options.accessTokenLifetime.components.seconds
        accessTokens[token] = Grant(
            userID: userID, clientID: Self.app.clientID, scopes: scopes, expires: Date().addingTimeInterval(TimeInterval(lifetime)))
        return TokenResponse(
            accessToken: token, scope: scopes.sorted().joined(separator: " "), expiresIn: Int(lifetime),
            refreshToken: refreshToken)
    }
}
