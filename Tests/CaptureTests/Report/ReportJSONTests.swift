import Foundation
import Testing

@testable import Capture

/// The report's JSON writer against Foundation's `JSONEncoder`, which wrote the report
/// before it: the same bytes, with every optional present or absent.
@Suite struct ReportJSONTests {
    static func report(optionals: Bool) -> CaptureReport {
        let packet = PacketReport(
            frame: 1, time: optionals ? 0.000101 : nil, direction: "client → server", flags: "SYN", sequence: 4_000_000_000,
            acknowledgment: 0, window: 65535, length: 0)
        let tls = TLSReport(
            clientHelloFrame: optionals ? 4 : nil, serverName: optionals ? "mcp.example" : nil, offeredVersions: ["TLS 1.3"],
            cipherSuites: ["TLS_AES_128_GCM_SHA256", "GREASE"], groups: [], keyShares: ["x25519 (32 bytes)"], alpn: ["http/1.1"],
            clientRandom: optionals ? "00ff" : nil, serverHelloFrame: optionals ? 5 : nil, helloRetryRequest: false,
            version: optionals ? "TLS 1.3" : nil, cipherSuite: optionals ? "TLS_AES_128_GCM_SHA256" : nil, group: optionals ? "x25519" : nil,
            serverALPN: optionals ? "http/1.1" : nil, serverRandom: optionals ? "ee" : nil, changeCipherSpecFrames: [5, 6],
            applicationDataToServer: 3, applicationDataToClient: 4, alerts: ["#9 client to server: warning alert 0"], decrypted: true,
            keysFound: true, decryptedRecords: 7, undecryptedRecords: 0)
        let http = HTTPReport(
            frame: 6, lastFrame: 8, time: optionals ? 1e-05 : nil, direction: "server → client", startLine: "HTTP/1.1 200 OK",
            headers: [HTTPReport.Header(name: "Content-Type", value: "text/event-stream"), HTTPReport.Header(name: "X", value: "a\"b\\c/d\te"),
                HTTPReport.Header(name: "Long", value: "0123456789abcdef\"0123456789\u{7f}é😀 quote\" backslash\\ tab\t\u{1f}end of a long run")],
            bodyBytes: 120, complete: true, latencyMilliseconds: optionals ? 1.5 : nil)
        let rpc = RPCReport(
            frame: 8, time: optionals ? 12345.678901 : nil, direction: "server → client", kind: "error", method: optionals ? "tools/call" : nil,
            id: optionals ? "\"a\"" : nil, carrier: "SSE event", summary: #"-32600 "Invalid" é 🎵 \u{1} \n"#, errorCode: optionals ? -32600 : nil,
            pairedFrame: optionals ? 6 : nil, latencyMilliseconds: optionals ? 1000 : nil, flags: ["null id"])
        let connection = ConnectionReport(
            index: 1, client: "10.0.0.2:50000", server: "[::1]:8080", firstFrame: 1, lastFrame: 9, packets: 9, startSeconds: 0,
            durationSeconds: 0.25, bytesToServer: 100, bytesToClient: 200,
            layers: Layers(link: "Ethernet", network: "IPv4", transport: "TCP", application: "HTTP/1.1 + JSON-RPC"),
            handshake: [packet, packet], closing: [], tcpNotes: ["note"], tls: optionals ? tls : nil, http: [http], jsonrpc: [rpc, rpc],
            notes: [])
        return CaptureReport(
            file: FileSummary(
                path: "/tmp/a b.pcap", format: "pcapng", sections: 2,
                interfaces: [InterfaceSummary(index: 0, link: "Ethernet", name: optionals ? "lo" : nil, timestampResolution: "nanoseconds", timestampOffsetSeconds: -5)],
                packets: 9, firstPacketTime: optionals ? "2025-11-24T16:00:00.000Z" : nil, durationSeconds: 1234567.5, comments: [],
                decryptionSecrets: [SecretsSummary(type: "TLS key log", bytes: 10, offset: 28)]),
            connections: optionals ? [connection, connection] : [], otherPackets: OtherPackets(notTCP: 1, fragments: 0, undecodable: 2),
            damage: optionals ? "truncated" : nil, damageOffset: optionals ? 99 : nil)
    }

    @Test(arguments: [true, false])
    func theSameBytesAsJSONEncoder(optionals: Bool) throws {
        let report = Self.report(optionals: optionals)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        #expect(report.json == expected)
        #expect(try JSONDecoderForTests.decode(report.json) == report)
    }

    @Test func piecesJoinIntoTheJSONWhateverTheBatches() {
        var report = Self.report(optionals: true)
        report.connections = Array(repeating: report.connections[0], count: 2 * CaptureReport.connectionsPerBatch + 3)
        var pieces: [[UInt8]] = []
        report.writeJSON { pieces.append($0) }
        #expect(pieces.count == report.connections.count + 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n")
    }
}
