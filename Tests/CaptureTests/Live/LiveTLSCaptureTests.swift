import Foundation
import ServerKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import Capture

/// HTTPS captured by tcpdump on loopback and read inside with the client's key log:
/// `openssl s_client` posts the seed's `initialize` through a TLS front
/// (Tests/Interop/peers/tls_front.py) to `setlist serve clock --http`, once for each
/// TLS 1.3 suite and for TLS 1.2 with AES-GCM and ChaCha20.
@Suite(.serialized) struct LiveTLSCaptureTests {
    struct Session: Sendable, CustomTestStringConvertible {
        let options: [String]
        let version: String
        let suite: String
        var testDescription: String { "\(version) \(suite)" }
    }

    static let sessions = [
        Session(options: ["-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256"], version: "TLS 1.3", suite: "TLS_AES_128_GCM_SHA256"),
        Session(options: ["-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384"], version: "TLS 1.3", suite: "TLS_AES_256_GCM_SHA384"),
        Session(options: ["-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"], version: "TLS 1.3", suite: "TLS_CHACHA20_POLY1305_SHA256"),
        Session(
            options: ["-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"], version: "TLS 1.2", suite: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
        Session(
            options: ["-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305"], version: "TLS 1.2",
            suite: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
    ]

    @Test(.timeLimit(.minutes(2)), arguments: sessions)
    func theJSONRPCInsideHTTPSIsReadWithTheKeyLog(session: Session) async throws {
        try await HTTPSClock.with(subject: ["-subj", "/CN=mcp.example"], highestVersion: session.version == "TLS 1.2" ? "1.2" : "1.3") { clock in
            try await Self.readInside(session: session, clock: clock)
        }
    }

    private static func readInside(session: Session, clock: HTTPSClock) async throws {
        let openssl = try #require(OpenSSLTool.path)
        let (frontPort, keyLog) = (clock.port, clock.folder.appendingPathComponent("keys.log"))
        let request = LiveCaptureTests.request(LiveCaptureTests.initialize, port: frontPort)
        var answer = ""
        let file = try await LoopbackCapture.capture(ports: [frontPort]) {
            answer = try await run(
                openssl,
                ["s_client", "-connect", "127.0.0.1:\(frontPort)", "-servername", "mcp.example", "-quiet", "-keylogfile", keyLog.path]
                    + session.options, input: request)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(answer.contains("\"protocolVersion\""), "the clock answered through TLS: \(answer.prefix(300))")

        let keys = try String(contentsOf: keyLog, encoding: .utf8)
        let withKeys = try CaptureAnalyzer(options: CaptureOptions(decryptors: KeyLogDecryption(keyLogText: keys))).analyze(path: file.path)
        let connection = try #require(withKeys.connections.first, "\(withKeys.text)")
        let tls = try #require(connection.tls, "\(withKeys.text)")
        #expect(connection.handshake.map(\.flags) == ["SYN", "SYN, ACK", "ACK"])
        #expect(tls.serverName == "mcp.example")
        #expect(tls.version == session.version)
        #expect(tls.cipherSuite == session.suite)
        #expect(tls.group != nil || session.version == "TLS 1.2")
        #expect(tls.decrypted && tls.undecryptedRecords == 0, "\(withKeys.text)")
        #expect(connection.jsonrpc.map(\.kind) == ["request", "result"], "\(withKeys.text)")
        #expect(connection.jsonrpc.map(\.method) == ["initialize", "initialize"])
        #expect(connection.jsonrpc.first?.pairedFrame == connection.jsonrpc.last?.frame)

        // The same capture as pcapng with the key log inside (a Decryption Secrets Block): read with
        // no key log given. The provider then reads a second capture, laid out alike but with a wrong
        // key: that one stays encrypted, never opened with the first one's secrets.
        let (withKeysInside, withOtherKeysInside) = (try pcapng(file, keyLog: keys), try pcapng(file, keyLog: wrong(keys)))
        defer { for made in [withKeysInside, withOtherKeysInside] { try? FileManager.default.removeItem(at: made) } }
        let carried = KeyLogDecryption()
        let inside = try CaptureAnalyzer(options: CaptureOptions(decryptors: carried)).analyze(path: withKeysInside.path)
        #expect(inside.connections.first?.tls?.decrypted == true, "\(inside.text)")
        #expect(inside.connections.first?.jsonrpc.map(\.method) == ["initialize", "initialize"])
        let otherKeys = try CaptureAnalyzer(options: CaptureOptions(decryptors: carried)).analyze(path: withOtherKeysInside.path)
        #expect(otherKeys.connections.first?.tls?.decrypted == false && otherKeys.connections.first?.jsonrpc.isEmpty == true, "\(otherKeys.text)")

        // Without the keys: the same negotiation, and the JSON-RPC only counted as encrypted records.
        let withoutKeys = try CaptureAnalyzer().analyze(path: file.path)
        let sealed = try #require(withoutKeys.connections.first?.tls)
        #expect(sealed.cipherSuite == session.suite && !sealed.decrypted)
        #expect(withoutKeys.connections.first?.jsonrpc.isEmpty == true)
        #expect(withoutKeys.text.contains("encrypted: \(sealed.applicationDataToServer + sealed.applicationDataToClient) application-data records"))

        // A wrong key is reported, record by record, never passed off as plaintext.
        let damaged = try CaptureAnalyzer(options: CaptureOptions(decryptors: KeyLogDecryption(keyLogText: wrong(keys)))).analyze(path: file.path)
        let failed = try #require(damaged.connections.first?.tls)
        #expect(failed.undecryptedRecords > 0 && damaged.connections.first?.jsonrpc.isEmpty == true, "\(damaged.text)")
        #expect(damaged.text.contains("the key log names this session, but its records did not decrypt"), "\(damaged.text)")
        #expect(damaged.text.contains("\(failed.undecryptedRecords) did not"), "\(damaged.text)")
    }

    /// The key log with the first digit of every secret changed.
    private static func wrong(_ keys: String) -> String {
        keys.split(separator: "\n").map { line in
            var fields = line.split(separator: " ").map(String.init)
            guard fields.count == 3 else { return String(line) }
            fields[2] = (fields[2].first == "0" ? "1" : "0") + fields[2].dropFirst()
            return fields.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// The capture rewritten as pcapng (nanosecond times) with `keyLog` in a Decryption
    /// Secrets Block ahead of its packets, as `editcap --inject-secrets` writes it.
    private static func pcapng(_ pcap: URL, keyLog: String) throws -> URL {
        let file = try MappedFile(path: pcap.path)
        var capture = try CaptureFile(bytes: file.bytes)
        var bytes = CaptureBuilder.sectionHeader() + CaptureBuilder.interface(.init(link: 1, tsresol: 9)) + CaptureBuilder.secrets(keyLog)
        while let frame = capture.next() {
            let packet = Array(file.bytes[frame.offset..<(frame.offset + frame.capturedLength)])
            bytes += CaptureBuilder.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: packet), units: UInt64(frame.time ?? 0))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-\(UUID().uuidString).pcapng")
        try Data(bytes).write(to: url)
        return url
    }

    /// A TLS 1.2 session resumed from the first one's ticket: the ServerHello, change
    /// cipher spec and the protected Finished come in one segment, and the records after
    /// them still open with the key log.
    @Test(.timeLimit(.minutes(2))) func aResumedTLS12SessionIsReadInside() async throws {
        try await HTTPSClock.with(subject: ["-subj", "/CN=mcp.example"], highestVersion: "1.2") { clock in
            let openssl = try #require(OpenSSLTool.path)
            let (keyLog, saved) = (clock.folder.appendingPathComponent("keys.log"), clock.folder.appendingPathComponent("session.pem"))
            let request = LiveCaptureTests.request(LiveCaptureTests.initialize, port: clock.port)
            let client = ["s_client", "-connect", "127.0.0.1:\(clock.port)", "-servername", "mcp.example", "-quiet", "-tls1_2", "-keylogfile", keyLog.path]
            var answers: [String] = []
            let file = try await LoopbackCapture.capture(ports: [clock.port]) {
                answers.append(try await Self.run(openssl, client + ["-sess_out", saved.path], input: request))
                answers.append(try await Self.run(openssl, client + ["-sess_in", saved.path], input: request))
            }
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(answers.allSatisfy { $0.contains("\"protocolVersion\"") }, "\(answers)")
            let keys = try String(contentsOf: keyLog, encoding: .utf8)
            let report = try CaptureAnalyzer(options: CaptureOptions(decryptors: KeyLogDecryption(keyLogText: keys))).analyze(path: file.path)
            try #require(report.connections.count == 2, "\(report.text)")
            for connection in report.connections {
                let tls = try #require(connection.tls, "\(report.text)")
                #expect(tls.version == "TLS 1.2" && tls.decrypted && tls.undecryptedRecords == 0, "\(report.text)")
                #expect(connection.jsonrpc.map(\.method) == ["initialize", "initialize"], "\(report.text)")
            }
        }
    }

    /// Setlist's own client writes the key log (`--keylog`, the same as `SSLKEYLOGFILE`):
    /// `setlist servers` reaches the clock over HTTPS through the front, trusting the
    /// front's certificate by `SSL_CERT_FILE`, and every JSON-RPC message of the capture
    /// is read inside with the file it wrote.
    @Test(.timeLimit(.minutes(2))) func setlistsOwnKeyLogOpensItsHTTPSSessions() async throws {
        let subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        try await HTTPSClock.with(subject: subject, highestVersion: "1.3") { clock in try await Self.listServers(through: clock) }
    }

    private static func listServers(through clock: HTTPSClock) async throws {
        let (folder, certificate, frontPort, keyLog) = (clock.folder, clock.certificate, clock.port, clock.folder.appendingPathComponent("keys.log"))
        let configuration = folder.appendingPathComponent("servers.json")
        try #"{"mcpServers": {"clock": {"type": "http", "url": "https://127.0.0.1:\#(frontPort)/mcp"}}}"#
            .write(to: configuration, atomically: true, encoding: .utf8)

        var listing = ""
        let file = try await LoopbackCapture.capture(ports: [frontPort]) {
            listing = try await run(
                LoopbackCapture.setlist, ["servers", "--config", configuration.path, "--keylog", keyLog.path],
                environment: ["SSL_CERT_FILE": certificate.path, "XDG_CACHE_HOME": folder.path, "SSLKEYLOGFILE": ""])
        }
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(listing.contains("✓ clock (http"), "setlist servers reached the clock over HTTPS: \(listing)")
        let mode = try FileManager.default.attributesOfItem(atPath: keyLog.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the key log holds secrets: mode \(String(mode ?? 0, radix: 8))")

        let keys = try String(contentsOf: keyLog, encoding: .utf8)
        #expect(keys.split(separator: "\n").allSatisfy { $0.split(separator: " ").count == 3 }, "whole NSS lines: \(keys)")
        let report = try CaptureAnalyzer(options: CaptureOptions(decryptors: KeyLogDecryption(keyLogText: keys))).analyze(path: file.path)
        try #require(!report.connections.isEmpty, "\(report.text)")
        for connection in report.connections {
            let tls = try #require(connection.tls, "\(report.text)")
            #expect(tls.version == "TLS 1.3" && tls.decrypted && tls.undecryptedRecords == 0, "\(report.text)")
        }
        let messages = report.connections.flatMap(\.jsonrpc)
        let answered = Set(messages.filter { $0.kind == "result" && $0.pairedFrame != nil }.compactMap(\.method))
        // Setlist's host and clock speak the modern era: server/discover, then tools/list.
        #expect(answered.isSuperset(of: ["server/discover", "tools/list"]), "\(report.text)")
    }

    /// Runs a program to its end (30 s at most) with `input` on stdin; returns its stdout.
    /// It waits on a thread of its own, not on one the tests' tasks share.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], input: String = "", environment: [String: String] = [:]) async throws
        -> String
    {
        try await onOwnThread { try runWaiting(program, arguments, input: input, environment: environment) }
    }

    private static func runWaiting(_ program: String, _ arguments: [String], input: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let (stdin, stdout) = (Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if process.isRunning { process.terminate() } }
        try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}

/// `setlist serve clock --http` behind the TLS front (Tests/Interop/peers/tls_front.py),
/// with a fresh certificate in a scratch folder the test may use too.
struct HTTPSClock {
    let folder: URL
    let certificate: URL
    /// The front's port, where HTTPS is served.
    let port: Int

    /// - Parameters:
    ///   - subject: `openssl req` options that name the certificate's subject.
    ///   - highestVersion: the front's highest TLS version, "1.2" or "1.3".
    static func with(subject: [String], highestVersion: String, _ body: (HTTPSClock) async throws -> Void) async throws {
        let openssl = try #require(OpenSSLTool.path, "openssl is missing: install it (Debian: apt-get install openssl), as scripts/test does")
        let python = LoopbackCapture.package.appendingPathComponent(".venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run scripts/python-env .venv Tests/Interop/requirements.txt")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (certificate, key) = (folder.appendingPathComponent("cert.pem"), folder.appendingPathComponent("key.pem"))
        try await LiveTLSCaptureTests.run(
            openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path, "-days", "1"] + subject)

        let clockPort = try LoopbackCapture.freePort()
        let clock = try await LoopbackCapture.startClock(port: clockPort)
        defer { clock.stop(SIGTERM) }
        let frontPort = try LoopbackCapture.freePort()
        let front = try SignalableProcess(
            path: python,
            arguments: [
                LoopbackCapture.package.appendingPathComponent("Tests/Interop/peers/tls_front.py").path, certificate.path, key.path,
                String(frontPort), String(clockPort), highestVersion,
            ])
        defer { front.stop(SIGTERM) }
        let said = await front.waitForError(saying: "ready")
        try #require(said.contains("ready"), "the TLS front did not start: \(said)")
        try await body(HTTPSClock(folder: folder, certificate: certificate, port: frontPort))
    }
}
