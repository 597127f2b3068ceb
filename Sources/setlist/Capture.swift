import ArgumentParser
import Capture
import Foundation

struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture",
        abstract: "Read packet captures (pcap, pcapng) of MCP traffic.",
        subcommands: [Analyze.self]
    )

    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report a capture layer by layer: TCP handshakes, TLS negotiation, HTTP and the JSON-RPC inside.",
            discussion: """
                Capture MCP traffic with, for instance, `tcpdump -i lo -w mcp.pcap 'tcp port 8080'`. Each connection is \
                reported with its handshake packets, its TLS hellos (or HTTP messages) and its JSON-RPC requests paired \
                with their responses and latencies. Bearer tokens and token fields are masked unless --show-secrets. \
                HTTPS is read inside with the session's TLS secrets: an NSS key log (--keylog, as SSLKEYLOGFILE writes \
                it) or the key log a pcapng file carries.
                """
        )

        @Argument(help: "The capture file (pcap or pcapng).")
        var file: String

        @Flag(help: "Write the report as JSON, for scripts.")
        var json = false

        @Option(help: "Only connections with this TCP port at either end.")
        var port: UInt16?

        @Option(help: "Only connections with this IPv4 or IPv6 address at either end.")
        var host: HostFilter?

        @Option(help: "Only JSON-RPC messages of this method (e.g. tools/call) and the responses to them.")
        var method: String?

        @Flag(help: "Show bearer tokens and token fields as captured instead of masked.")
        var showSecrets = false

        @Option(help: "An NSS key log (the SSLKEYLOGFILE format) with the TLS secrets of the captured sessions.")
        var keylog: String?

        func run() async throws {
            var decryption = KeyLogDecryption()
            if let keylog {
                guard let data = FileManager.default.contents(atPath: keylog) else {
                    throw ValidationError("Cannot read the key log \(keylog): check the path.")
                }
                decryption = KeyLogDecryption(keyLogText: String(decoding: data, as: UTF8.self))
            }
            let options = CaptureOptions(port: port, host: host, method: method, showSecrets: showSecrets, decryptors: decryption)
            let report = try CaptureAnalyzer(options: options).analyze(path: file)
            if let keylog {
                for problem in decryption.problems { FileHandle.standardError.write(Data("\(keylog): skipped \(problem)\n".utf8)) }
            }
            if json {
                // The pieces as they are: a report of a large capture is never joined into one string.
                try report.writeJSON { try FileHandle.standardOutput.write(contentsOf: $0) }
            } else {
                print(report.text, terminator: "")
            }
            // A damaged file still gets its report, then fails the command for scripts.
            // The process ends here, without freeing the report piece by piece: for a
            // large capture that would take longer than reading it did.
            Foundation.exit(report.damage == nil ? 0 : 2)
        }
    }
}

extension HostFilter: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
