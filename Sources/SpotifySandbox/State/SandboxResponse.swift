import Foundation
import SpotifyModels

/// An answer of the sandbox, independent of the HTTP server that sends it.
struct SandboxResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data?

    init(status: Int, headers: [String: String] = [:], body: Data? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ value: some Encodable, status: Int = 200) -> SandboxResponse {
        let body = (try? SpotifyJSON.encoder().encode(value)) ?? Data("{}".utf8)
        return SandboxResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: body)
    }

    /// A Web API error: `{"error": {"status", "message", "reason"}}`.
    static func error(_ status: Int, _ message: String, reason: String? = nil, headers: [String: String] = [:]) -> SandboxResponse {
        var response = json(SpotifyErrorBody(status: status, message: message, reason: reason), status: status)
        response.headers.merge(headers) { _, new in new }
        return response
    }

    /// An accounts service error: `{"error": "invalid_grant", "error_description": "..."}`.
    static func accountsError(_ error: String, _ description: String, status: Int = 400) -> SandboxResponse {
        json(AccountsErrorBody(error: error, errorDescription: description), status: status)
    }

    static func redirect(to location: String) -> SandboxResponse {
        SandboxResponse(status: 303, headers: ["Location": location])
    }

    static let noContent = SandboxResponse(status: 204)
}
