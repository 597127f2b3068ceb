import MCP

/// Hides credentials a capture may hold: bearer tokens in `Authorization` headers and
/// token fields of JSON bodies. What stays is enough to tell two secrets apart by
/// length and scheme, not to use one.
enum SecretMasking {
    static let secretFields: Set<String> = ["access_token", "refresh_token", "id_token", "client_secret", "password", "api_key"]

    /// `Bearer abc…` becomes `Bearer ••••(40 characters)`.
    static func header(_ name: String, _ value: String) -> String {
        let lowered = name.lowercased()
        guard lowered == "authorization" || lowered == "proxy-authorization" || lowered == "cookie" || lowered == "set-cookie" else { return value }
        let parts = value.split(separator: " ", maxSplits: 1)
        if parts.count == 2, lowered.hasSuffix("authorization") { return "\(parts[0]) \(masked(parts[1].count))" }
        return masked(value.count)
    }

    static func value(_ value: Value) -> Value {
        switch value {
        case .object(let object):
            var result: [String: Value] = [:]
            for (key, inner) in object {
                if secretFields.contains(key.lowercased()), case .string(let text) = inner {
                    result[key] = .string(masked(text.count))
                } else {
                    result[key] = self.value(inner)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map(self.value))
        default: return value
        }
    }

    static func masked(_ length: Int) -> String { "••••(\(length) characters)" }
}
