import Foundation
import MCP

/// Who may reach an MCP endpoint over HTTP.
///
/// A browser page can make a local server's name resolve to an attacker's address
/// (DNS rebinding), so the `Host` and `Origin` of each request must name this server.
/// By default only the loopback names are accepted; a deployed server lists its public
/// names. An optional bearer token closes the endpoint to anyone without it.
public struct AccessPolicy: Sendable {
    /// Host names accepted in `Host` and `Origin`, lowercased; an entry with a port
    /// (`example.com:8443`) accepts that port only, one without accepts any. `*` accepts all.
    public var allowedHosts: Set<String>
    /// The token callers must send as `Authorization: Bearer …`; `nil` for none.
    public var bearerToken: String?

    public static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1"]

    public init(extraHosts: [String] = [], bearerToken: String? = nil) {
        allowedHosts = Self.loopbackHosts.union(extraHosts.map { Self.normalize($0) })
        self.bearerToken = bearerToken
    }

    /// Why a request is refused, as the HTTP answer to send.
    public struct Denial: Sendable, Equatable {
        public var status: Int
        public var message: String
        public var headers: [String: String] = [:]
    }

    /// Checks a request's `Host`, `Origin` and `Authorization` headers.
    public func check(host: String?, origin: String?, authorization: String?) -> Denial? {
        if let host, !admits(authority: host) {
            return Denial(
                status: 421,
                message: "Misdirected Request: Host '\(host)' is not served here. "
                    + "Start the server with --allow-host NAME to accept it.")
        }
        if let origin {
            guard let url = URL(string: origin), let originHost = url.host, url.scheme != nil,
                admits(authority: url.port.map { "\(Self.bracketed(originHost)):\($0)" } ?? originHost)
            else {
                return Denial(
                    status: 403,
                    message: "Forbidden: Origin '\(origin)' is not allowed. "
                        + "Start the server with --allow-host NAME to accept it.")
            }
        }
        if let bearerToken {
            guard let authorization, Self.bearer(in: authorization).map({ Self.constantTimeEqual($0, bearerToken) }) == true
            else {
                return Denial(
                    status: 401,
                    message: "Unauthorized: send the server's token as 'Authorization: Bearer TOKEN'.",
                    headers: ["WWW-Authenticate": "Bearer realm=\"setlist\""])
            }
        }
        return nil
    }

    /// Whether `authority` (`name` or `name:port`, IPv6 in brackets) names this server.
    func admits(authority: String) -> Bool {
        if allowedHosts.contains("*") || allowedHosts.contains(authority) { return true }
        let authority = authority.lowercased()
        let (name, port) = Self.split(authority: authority)
        if allowedHosts.contains(name) { return true }
        if let port { return allowedHosts.contains("\(name):\(port)") }
        return false
    }

    // MARK: - Parsing

    /// Lowercases a configured name and drops IPv6 brackets when no port follows.
    static func normalize(_ entry: String) -> String {
        let entry = entry.lowercased()
        let (name, port) = split(authority: entry)
        return port.map { "\(name):\($0)" } ?? name
    }

    /// Splits `name:port`; IPv6 names come without brackets.
    static func split(authority: String) -> (name: String, port: String?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return (authority, nil) }
            let name = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (name, rest.hasPrefix(":") ? String(rest.dropFirst()) : nil)
        }
        guard let colon = authority.firstIndex(of: ":"), authority[authority.index(after: colon)...].firstIndex(of: ":") == nil
        else { return (authority, nil) }
        return (String(authority[..<colon]), String(authority[authority.index(after: colon)...]))
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    private static func bearer(in authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Compares without stopping at the first difference, so timing tells nothing of the token.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
