/// Names of JSON members and query parameters whose values are secrets: what a trace,
/// a capture report or a log shows masked, wherever in a message they are.
package enum SecretNames {
    package static let all: Set<String> = [
        "authorization", "token", "access_token", "refresh_token", "id_token", "code", "code_verifier", "client_secret",
        "password", "secret", "api_key", "apikey", "redirect_url",
    ]

    /// Whether a member or parameter of this name holds a secret, whatever its case.
    package static func contains(_ name: String) -> Bool { all.contains(name.lowercased()) }
}
