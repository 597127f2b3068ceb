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

    /// - Parameter extraHosts: names (`name` or `name:port`) or `*`; see ``isValidHostEntry(_:)``.
    public init(extraHosts: [String] = [], bearerToken: String? = nil) {
        allowedHosts = Self.loopbackHosts.union(
            extraHosts.compactMap { entry in entry == "*" ? entry : Authority(parsing: entry)?.text })
        self.bearerToken = bearerToken
    }

    /// Whether an entry for ``allowedHosts`` is `*` or a host name with an optional port
    /// (not a URL): what `--allow-host` accepts.
    public static func isValidHostEntry(_ entry: String) -> Bool {
        entry == "*" || (Authority(parsing: entry).map { !$0.host.isEmpty } ?? false)
    }

    /// Checks a request's `Host`, `Origin` and `Authorization` headers. A request without
    /// `Host` is refused too: only a browser could be rebound, and every browser sends one.
    func check(host: String?, origin: String?, authorization: String?) -> HTTPRefusal? {
        guard let host else {
            if allowedHosts.contains("*") { return authorizationRefusal(authorization) }
            return HTTPRefusal(
                status: 421, message: "Misdirected Request: send a Host header naming this server.")
        }
        if !admits(authority: host) {
            return HTTPRefusal(
                status: 421,
                message: "Misdirected Request: Host '\(host.clipped(to: 200))' is not served here. "
                    + "Start the server with --allow-host NAME to accept it.")
        }
        if let origin, !admits(origin: origin) {
            return HTTPRefusal(
                status: 403,
                message: "Forbidden: Origin '\(origin.clipped(to: 200))' is not allowed. "
                    + "Start the server with --allow-host NAME to accept it.")
        }
        return authorizationRefusal(authorization)
    }

    private func authorizationRefusal(_ authorization: String?) -> HTTPRefusal? {
        guard let bearerToken else { return nil }
        guard let authorization, Self.bearer(in: authorization).map({ Self.constantTimeEqual($0, bearerToken) }) == true
        else {
            return HTTPRefusal(
                status: 401,
                message: "Unauthorized: send the server's token as 'Authorization: Bearer TOKEN'.",
                headers: ["WWW-Authenticate": "Bearer realm=\"setlist\""])
        }
        return nil
    }

    /// Whether `authority` (`name` or `name:port`, IPv6 in brackets) names this server.
    func admits(authority text: String) -> Bool {
        if allowedHosts.contains("*") { return true }
        guard let authority = Authority(parsing: text) else { return false }
        return allowedHosts.contains(authority.host) || (authority.port != nil && allowedHosts.contains(authority.text))
    }

    /// Whether an `Origin` names this server: exactly `http://` or `https://` and an
    /// allowed authority, with nothing after it. Anything looser (a user part, a
    /// backslash, a path, `null`) is refused, since browsers and URL parsers disagree on it.
    func admits(origin: String) -> Bool {
        if allowedHosts.contains("*") { return true }
        for scheme in ["http://", "https://"] where origin.lowercased().hasPrefix(scheme) {
            return admits(authority: String(origin.dropFirst(scheme.count)))
        }
        return false
    }

    // MARK: - Bearer tokens

    package static func bearer(in authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1].trimmingASCIISpaces)
    }

    /// Compares without stopping at the first difference, so timing tells nothing of the
    /// token's bytes (its length is no secret).
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
