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
    var httpAddress: HTTPAddress?

    @Flag(help: "Keep sessions (Mcp-Session-Id), with an SSE stream (GET) for the server's own requests.")
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
        try Self.checkHostEntries(allowedHosts, from: "--allow-host")
    }

    /// Refuses host entries that are no host name (such as a URL), which would never match.
    static func checkHostEntries(_ entries: [String], from source: String) throws {
        for entry in entries where !AccessPolicy.isValidHostEntry(entry) {
            throw ValidationError(
                "\(source) \(entry): give a host name with an optional port, such as clock-abc.a.run.app or example.com:8443, or '*'.")
        }
    }

    func serve(_ service: MCPService, logger: Logger) async throws {
        guard let httpAddress else {
            await service.serveStandardIO(logger: logger)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let host = httpAddress.host
        let port = try httpAddress.port ?? HTTPAddress.port(fromEnvironment: environment["PORT"])
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
        try Self.checkHostEntries(hostsFromEnvironment, from: "SETLIST_ALLOW_HOSTS")
        let options = HTTPServingOptions(
            host: host, port: port,
            access: AccessPolicy(extraHosts: allowedHosts + hostsFromEnvironment, bearerToken: token),
            stateful: stateful)
        try await service.serveHTTP(options, logger: logger) { port in
            logger.info("Serving \(service.name) on http://\(Authority(host: host, port: String(port)).text)/mcp")
        }
    }
}

/// Where `--http` serves: `HOST`, `HOST:PORT`, `:PORT` or `[IPv6]:PORT`, checked as the
/// option is parsed.
struct HTTPAddress: ExpressibleByArgument, Equatable {
    /// The address to bind; an empty host means every interface.
    var host: String
    /// The port given, if any; otherwise `$PORT`, else 8080.
    var port: Int?

    init?(argument: String) {
        guard let authority = Authority(parsing: argument) else { return nil }
        host = authority.host.isEmpty ? "0.0.0.0" : authority.host
        if authority.port != nil {
            guard let number = authority.portNumber else { return nil }
            port = number
        }
    }

    static let defaultPort = 8080

    /// The port `$PORT` names (as Cloud Run sets it), else 8080.
    static func port(fromEnvironment value: String?) throws -> Int {
        guard let value else { return defaultPort }
        guard let port = Authority(parsing: ":\(value)")?.portNumber else {
            throw ValidationError("PORT=\(value): not a port number from 0 to 65535.")
        }
        return port
    }

    static var defaultValueDescription: String { "127.0.0.1:8080" }
}
