import ServerKit

/// Hides credentials a capture may hold: bearer tokens in `Authorization` headers,
/// session ids, secret query parameters, and (through ``RPCSummary``) secret members
/// of JSON bodies. What stays is enough to tell two secrets apart by length and
/// scheme (and sessions by their first characters), not to use one.
enum SecretMasking {
    /// `Bearer abc…` becomes `Bearer ••••(40 characters)`; a session id of 16
    /// characters or more keeps its first 6, enough to follow a session through a capture.
    static func header(_ name: String, _ value: String) -> String {
        let lowered = name.lowercased()
        if lowered == "mcp-session-id" {
            return value.count >= 16 ? "\(value.prefix(6))\(masked(value.count))" : masked(value.count)
        }
        guard lowered == "authorization" || lowered == "proxy-authorization" || lowered == "cookie" || lowered == "set-cookie" else { return value }
        let parts = value.split(separator: " ", maxSplits: 1)
        if parts.count == 2, lowered.hasSuffix("authorization") { return "\(parts[0]) \(masked(parts[1].count))" }
        return masked(value.count)
    }

    static func masked(_ length: Int) -> String { "••••(\(length) characters)" }

    /// What replaces a secret that is not a string (a number, an object).
    static let maskedValue = "••••"

    /// A request line with the values of secret query parameters masked:
    /// `GET /mcp?access_token=abc HTTP/1.1` becomes `GET /mcp?access_token=••••(3 characters) HTTP/1.1`.
    static func startLine(_ line: String) -> String {
        guard line.utf8.contains(UInt8(ascii: "?")) else { return line }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 2, let question = parts[1].firstIndex(of: "?") else { return line }
        let target = parts[1]
        let query = target[target.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "="), SecretNames.contains(String(pair[..<equals])) else { return String(pair) }
            return "\(pair[..<equals])=\(masked(pair.distance(from: pair.index(after: equals), to: pair.endIndex)))"
        }
        var fields = parts.map(String.init)
        fields[1] = String(target[...question]) + query.joined(separator: "&")
        return fields.joined(separator: " ")
    }
}
