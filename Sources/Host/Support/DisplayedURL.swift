import Foundation

extension URL {
    /// The address as messages show it: without the user, password and query, which may
    /// hold secrets.
    var displayed: String {
        guard var parts = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return "the configured address" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return parts.string ?? "the configured address"
    }
}
