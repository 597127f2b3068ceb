import ArgumentParser
import Foundation
import Logging
import ServerKit

/// How a `setlist serve` command is reached: stdio unless `--http` is given.
struct TransportOptions: ParsableArguments {
    @Option(
        name: .customLong("http"),
        help: ArgumentHelp(
            "Serve Streamable HTTP on HOST[:PORT] instead of stdio; the port defaults to $PORT, else 8080.",
            valueName: "host:port"))
    var httpAddress: String?

    @Flag(help: "Keep sessions (Mcp-Session-Id) and answer with SSE streams instead of plain JSON.")
    var stateful = false

    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "Also accept this name in Host and Origin headers (repeatable), such as the public name of a deployed server; '*' accepts any. $SETLIST_ALLOW_HOSTS adds a comma-separated list.",
            valueName: "name"))
    var allowedHosts: [String] = []

    @Option(
        name: .customLong("token-env"),
        help: ArgumentHelp(
            "Require 'Authorization: Bearer TOKEN' on HTTP, with TOKEN read from this environment variable.",
            valueName: "variable"))
    var tokenVariable: String?

    func validate() throws {
        if httpAddress == nil, stateful || !allowedHosts.isEmpty || tokenVariable != nil {
            throw ValidationError("--stateful, --allow-host and --token-env apply to HTTP only; add --http HOST:PORT.")
        }
    }

    func serve(_ service: MCPService, logger: Logger) async throws {
        guard let httpAddress else {
            try await service.serveStandardIO(logger: logger)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let (host, port) = try Self.parse(address: httpAddress, defaultPort: environment["PORT"])
        var token: String?
        if let tokenVariable {
            guard let value = environment[tokenVariable], !value.isEmpty else {
                throw ValidationError("--token-env \(tokenVariable): that environment variable is not set or empty.")
            }
            token = value
        }
        // Cloud Run and the like pass settings as environment variables.
        let hostsFromEnvironment = environment["SETLIST_ALLOW_HOSTS", default: ""]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let options = HTTPServingOptions(
            host: host, port: port,
            access: AccessPolicy(extraHosts: allowedHosts + hostsFromEnvironment, bearerToken: token),
            stateful: stateful)
        try await service.serveHTTP(options, logger: logger) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            logger.info("Serving \(service.name) on http://\(shown):\(port)/mcp")
        }
    }

    /// Reads `HOST`, `HOST:PORT`, `:PORT` or `[IPv6]:PORT`.
    static func parse(address: String, defaultPort: String?) throws -> (host: String, port: Int) {
        var host = address
        var portText: String?
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else {
                throw ValidationError("--http \(address): an IPv6 address needs its closing ']', as in [::1]:8080.")
            }
            host = String(address[address.index(after: address.startIndex)..<close])
            let rest = address[address.index(after: close)...]
            if rest.hasPrefix(":") { portText = String(rest.dropFirst()) }
        } else if let colon = address.lastIndex(of: ":"), address.filter({ $0 == ":" }).count == 1 {
            host = String(address[..<colon])
            portText = String(address[address.index(after: colon)...])
        }
        if host.isEmpty { host = "0.0.0.0" }
        let text = portText ?? defaultPort ?? "8080"
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ValidationError("--http \(address): '\(text)' is not a port number from 0 to 65535.")
        }
        return (host, port)
    }
}
