import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SpotifyAPI
import SpotifyModels
import Testing

@testable import SpotifySandbox

/// A running sandbox and a client that speaks to it over loopback HTTP.
struct SandboxHarness {
    let client: any TestClientProtocol
    let state: SandboxState

    static let allScopes = SpotifyScope.setlist

    static func run(
        _ options: SandboxOptions = SandboxOptions(), _ body: @escaping @Sendable (SandboxHarness) async throws -> Void
    ) async throws {
        let server = SpotifySandboxServer(options: options)
        let app = server.application(logger: Logger(label: "sandbox-test"))
        try await app.test(.live) { client in
            try await body(SandboxHarness(client: client, state: server.state))
        }
    }

    // MARK: - Requests

    func get(_ uri: String, token: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: Self.bearer(token))
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String) async throws -> TestResponse {
        var headers = Self.bearer(token)
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json))
    }

    func postForm(_ uri: String, _ form: [String: String], basic: (String, String)? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let basic {
            headers[.authorization] = "Basic " + Data("\(basic.0):\(basic.1)".utf8).base64EncodedString()
        }
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)" }
            .joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func bearer(_ token: String?) -> HTTPFields {
        token.map { [.authorization: "Bearer \($0)"] } ?? [:]
    }

    // MARK: - Logging in

    static let redirect = "http://127.0.0.1:8888/callback"

    /// The query of the redirect `/authorize` answers with.
    func authorize(user: String = SandboxUsers.listener, scopes: [String] = allScopes, pkce: PKCE, state: String = "xyz") async throws
        -> TestResponse
    {
        var components = URLComponents()
        components.path = "/authorize"
        components.queryItems = [
            .init(name: "client_id", value: SandboxState.app.clientID), .init(name: "response_type", value: "code"),
            .init(name: "redirect_uri", value: Self.redirect), .init(name: "code_challenge_method", value: "S256"),
            .init(name: "code_challenge", value: pkce.challenge), .init(name: "state", value: state),
            .init(name: "scope", value: scopes.joined(separator: " ")), .init(name: "sandbox_user", value: user),
        ]
        return try await client.execute(uri: components.string!, method: .get)
    }

    /// Logs `user` in with PKCE and returns the tokens.
    func login(user: String = SandboxUsers.listener, scopes: [String] = allScopes) async throws -> TokenResponse {
        let pkce = PKCE()
        let redirect = try await authorize(user: user, scopes: scopes, pkce: pkce)
        let location = try #require(redirect.headers[.location])
        let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
        let answer = try await postForm(
            "/api/token",
            [
                "grant_type": "authorization_code", "code": code, "redirect_uri": Self.redirect,
                "client_id": SandboxState.app.clientID, "code_verifier": pkce.verifier,
            ])
        return try decode(TokenResponse.self, answer)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try SpotifyJSON.decoder().decode(type, from: Data(response.body.readableBytesView))
    }

    func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    }
}
