import Foundation
import ServerKit
import Testing
@testable import Capture
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Real connections between openssl s_client and s_server

/// Runs `openssl s_server -rev` and `openssl s_client -keylogfile` on loopback, with a
/// relay in this process recording the bytes each way, then decrypts the recording
/// with the client's key log. `scripts/test` installs openssl; without it these tests fail and say so.
@Suite("OpenSSL interop")
struct OpenSSLInteropTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let versionFlag: String
        let suiteFlag: String
        let suite: String
        let code: UInt16
        var testDescription: String { suite }
        var isTLS13: Bool { versionFlag == "-tls1_3" }
    }

    static let cases: [Case] = [
        Case(versionFlag: "-tls1_3", suiteFlag: "-ciphersuites", suite: "TLS_AES_128_GCM_SHA256", code: 0x1301),
        Case(versionFlag: "-tls1_3", suiteFlag: "-ciphersuites", suite: "TLS_AES_256_GCM_SHA384", code: 0x1302),
        Case(versionFlag: "-tls1_3", suiteFlag: "-ciphersuites", suite: "TLS_CHACHA20_POLY1305_SHA256", code: 0x1303),
        Case(versionFlag: "-tls1_2", suiteFlag: "-cipher", suite: "ECDHE-ECDSA-AES128-GCM-SHA256", code: 0xC02B),
        Case(versionFlag: "-tls1_2", suiteFlag: "-cipher", suite: "ECDHE-ECDSA-AES256-GCM-SHA384", code: 0xC02C),
        Case(versionFlag: "-tls1_2", suiteFlag: "-cipher", suite: "ECDHE-ECDSA-CHACHA20-POLY1305", code: 0xCCA9),
    ]

    @Test("decrypts a real session, both directions", arguments: cases)
    func realSession(testCase: Case) async throws {
        let tool = try #require(OpenSSLTool.path, "openssl is missing: install it (Debian: apt-get install openssl), as scripts/test does")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tls-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // "K" asks s_client for a KeyUpdate with update_requested: both sides rekey.
        let lines = testCase.isTLS13 ? ["hello setlist", "K", "after update"] : ["hello setlist", "after hello"]
        let (recording, keyLogText) = try await onOwnThread { try Self.converse(testCase, lines: lines, tool: tool, in: dir) }

        // What the capture reader would have found.
        let c2s = TLSRecordSplitter.records(recording.clientToServer)
        let s2c = TLSRecordSplitter.records(recording.serverToClient)
        let facts = try #require(TLSRecordSplitter.facts(clientRecords: c2s, serverRecords: s2c))
        #expect(facts.version == (testCase.isTLS13 ? 0x0304 : 0x0303))
        #expect(facts.cipherSuite == testCase.code)
        let keyLog = KeyLog(text: keyLogText)
        #expect(keyLog.problems == [])

        for (direction, records) in [(TLSDirection.clientToServer, c2s), (.serverToClient, s2c)] {
            var decryptor = DirectionDecryptor(facts: facts, direction: direction, keyLog: keyLog)
            var data: [UInt8] = []
            var alerts: [[UInt8]] = []
            var generations: Set<Int> = []
            for record in records {
                switch decryptor.decrypt(record) {
                case .success(let plain):
                    if plain.contentType == 23 { data += plain.plaintext }
                    if plain.contentType == 21 { alerts.append(plain.plaintext) }
                    if case .applicationTraffic(let generation, _) = plain.protection { generations.insert(generation) }
                    #expect(plain.protection != .cleartext || plain.contentType != 23, "ciphertext passed as plaintext")
                case .failure(let failure):
                    Issue.record("\(direction): \(failure)")
                }
            }
            let text = String(decoding: data, as: UTF8.self)
            let expected = direction == .clientToServer
                ? lines.filter { $0 != "K" }.map { $0 + "\n" }.joined()
                : lines.filter { $0 != "K" }.map { String($0.reversed()) + "\n" }.joined()
            #expect(text == expected, "\(direction)")
            if direction == .clientToServer { #expect(alerts.contains([1, 0]), "client close_notify") }
            if testCase.isTLS13 { #expect(generations == [0, 1], "\(direction) followed the KeyUpdate") }
        }
    }
}

extension OpenSSLInteropTests {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Has s_client say `lines` to `s_server -rev` through a recording relay: blocking
    /// work, for a thread of its own. Returns the recording and the client's key log.
    static func converse(_ testCase: Case, lines: [String], tool: String, in dir: URL) throws
        -> (recording: (clientToServer: [UInt8], serverToClient: [UInt8]), keyLog: String)
    {
        let key = dir.appendingPathComponent("key.pem").path
        let cert = dir.appendingPathComponent("cert.pem").path
        let keyLogPath = dir.appendingPathComponent("keylog.txt").path
        let req = try OpenSSLTool.run(tool, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                             "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"])
        req.waitUntilExit()
        guard req.terminationStatus == 0 else { throw Failure(description: "openssl req exited \(req.terminationStatus)") }

        // Server on a free loopback port; it answers each line reversed, then exits.
        let serverPort = UInt16(try LoopbackCapture.freePort())
        let serverOut = Pipe()
        let server = try OpenSSLTool.run(tool, ["s_server", "-accept", "127.0.0.1:\(serverPort)", "-cert", cert, "-key", key,
                                                "-rev", "-naccept", "1", testCase.versionFlag, testCase.suiteFlag, testCase.suite],
                                         stdout: serverOut)
        defer { if server.isRunning { server.terminate() } }
        var banner = Data()
        while !String(decoding: banner, as: UTF8.self).contains("ACCEPT") {
            let chunk = serverOut.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "s_server did not start") }
            banner += chunk
        }

        let relay = try LoopbackRelay(serverPort: serverPort)
        let clientIn = Pipe(), clientOut = Pipe()
        let client = try OpenSSLTool.run(tool, ["s_client", "-connect", "127.0.0.1:\(relay.port)", "-quiet", "-no_ign_eof",
                                                "-keylogfile", keyLogPath, testCase.versionFlag, testCase.suiteFlag, testCase.suite],
                                         stdin: clientIn, stdout: clientOut)
        defer { if client.isRunning { client.terminate() } }
        for line in lines {
            clientIn.fileHandleForWriting.write(Data((line + "\n").utf8))
            Thread.sleep(forTimeInterval: 0.4)
        }
        try clientIn.fileHandleForWriting.close()
        OpenSSLTool.wait(client, seconds: 10)
        OpenSSLTool.wait(server, seconds: 10)
        let recording = relay.finish(seconds: 10)
        return (recording, try String(contentsOfFile: keyLogPath, encoding: .utf8))
    }
}

// MARK: - openssl processes

enum OpenSSLTool {
    static let path: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func run(_ tool: String, _ arguments: [String], stdin: Pipe? = nil, stdout: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for a process to end by itself, terminating it after `seconds`.
    static func wait(_ process: Process, seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

// MARK: - Splitting the recording the way the capture reader will

enum TLSRecordSplitter {
    static func records(_ stream: [UInt8]) -> [WireRecord] {
        var records: [WireRecord] = []
        var offset = 0
        while offset + 5 <= stream.count {
            let length = Int(stream[offset + 3]) << 8 | Int(stream[offset + 4])
            guard offset + 5 + length <= stream.count else { break }
            records.append(WireRecord(complete: Array(stream[offset..<offset + 5 + length])))
            offset += 5 + length
        }
        return records
    }

    /// The randoms, suite and version from ClientHello and ServerHello (RFC 8446 §4.1.2–3).
    static func facts(clientRecords: [WireRecord], serverRecords: [WireRecord]) -> TLSSessionFacts? {
        guard let clientHello = clientRecords.first(where: { $0.contentType == 22 })?.payload,
              let serverHello = serverRecords.first(where: { $0.contentType == 22 })?.payload,
              clientHello.first == 1, serverHello.first == 2, clientHello.count >= 38, serverHello.count >= 39
        else { return nil }
        var index = 38
        index += 1 + Int(serverHello[38]) // session id
        guard serverHello.count >= index + 5 else { return nil }
        let suite = UInt16(serverHello[index]) << 8 | UInt16(serverHello[index + 1])
        index += 3 // suite, compression
        let extensionsEnd = index + 2 + (Int(serverHello[index]) << 8 | Int(serverHello[index + 1]))
        index += 2
        var version: UInt16 = 0x0303
        while index + 4 <= min(extensionsEnd, serverHello.count) {
            let type = Int(serverHello[index]) << 8 | Int(serverHello[index + 1])
            let length = Int(serverHello[index + 2]) << 8 | Int(serverHello[index + 3])
            if type == 0x002b, length == 2, index + 6 <= serverHello.count {
                version = UInt16(serverHello[index + 4]) << 8 | UInt16(serverHello[index + 5])
            }
            index += 4 + length
        }
        return TLSSessionFacts(version: version, cipherSuite: suite,
                               clientRandom: Array(clientHello[6..<38]), serverRandom: Array(serverHello[6..<38]))
    }
}
