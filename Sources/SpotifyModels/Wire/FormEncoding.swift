import Foundation

/// `application/x-www-form-urlencoded`, the encoding of query strings and of the
/// token endpoint's bodies: `+` is a space, everything else percent-encoded.
public enum FormEncoding {
    /// Percent-encodes a name or value, leaving only unreserved characters (and commas
    /// and colons, which Spotify's lists and URIs use).
    public static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,:")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `name=value&…` as a dictionary; the first of repeated names wins.
    public static func decode(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let name = parts.first else { continue }
            let key = decoded(name)
            if values[key] == nil { values[key] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return values
    }

    /// `[name: value]` as `name=value&…`, names sorted so the same form is the same text.
    public static func encode(_ form: [String: String]) -> String {
        form.sorted { $0.key < $1.key }.map { "\(encode($0.key))=\(encode($0.value))" }.joined(separator: "&")
    }
}
