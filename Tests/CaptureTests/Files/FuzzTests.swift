import Testing

@testable import Capture

/// Random, truncated and bit-flipped captures: the readers must end with a report or
/// an error, never a crash or a hang.
@Suite struct FuzzTests {
    typealias P = PacketBuilder

    /// A generator with a fixed seed, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Valid captures to damage: HTTP with SSE, TLS, pcapng with several interfaces.
    static func seeds() -> [[UInt8]] {
        var http = Conversation()
        http.handshake()
        http.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        let event = "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n"
        http.send(fromClient: false, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "\(String(event.utf8.count, radix: 16))\r\n\(event)\r\n0\r\n\r\n")
        http.close()
        var tls = Conversation(serverPort: 443)
        tls.handshake()
        let hello = TLSBuilder.clientHello()
        tls.segment(fromClient: true, flags: .ack, payload: Array(hello[..<700]))
        tls.segment(fromClient: true, flags: .ack, payload: Array(hello[700...]))
        tls.segment(fromClient: false, flags: .ack, payload: TLSBuilder.serverHello() + TLSBuilder.changeCipherSpec)
        let ip = P.ipv6(payload: P.tcp(source: 1, destination: 2, sequence: 1, flags: .syn))
        let pcapng = CaptureBuilder.sectionHeader(comment: "c") + CaptureBuilder.interface(.init(link: 276, tsresol: 9))
            + CaptureBuilder.interface(.init(link: 0, tsresol: 0x83)) + CaptureBuilder.secrets("x")
            + CaptureBuilder.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.sll2(ip, protocolType: 0x86dd)), units: 9, comment: "p")
            + CaptureBuilder.enhanced(TestPacket(seconds: 0, fraction: 0, bytes: P.be32(24) + ip, interface: 1), units: 9)
            + CaptureBuilder.simple(P.sll2(ip))
        return [http.pcap(), tls.pcap(link: 1), pcapng]
    }

    /// Reads `bytes` to the end; the report's text and JSON are made too, as the CLI would.
    func read(_ bytes: [UInt8]) {
        guard let report = try? analyze(bytes) else { return }
        _ = report.text
        _ = report.json
    }

    @Test func everyTruncation() {
        for seed in Self.seeds() {
            for length in 0...seed.count { read(Array(seed[..<length])) }
        }
    }

    @Test func truncatedCapturesReportWhatCameBefore() throws {
        let seed = Self.seeds()[0]
        let report = try analyze(Array(seed[..<(seed.count - 5)]))
        #expect(report.damageOffset != nil)
        #expect(report.connections.first?.jsonrpc.map(\.method) == ["initialize", "initialize"])
    }

    @Test func bitFlipsAndByteChanges() {
        var random = SplitMix(state: 42)
        for seed in Self.seeds() {
            for _ in 0..<1500 {
                var bytes = seed
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    if Bool.random(using: &random) {
                        bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
                    } else {
                        bytes[index] = [0, 0xff, 0x7f, 0x80, UInt8.random(in: 0...255, using: &random)].randomElement(using: &random)!
                    }
                }
                read(bytes)
            }
        }
    }

    @Test func randomBytesBehindAValidHeader() {
        var random = SplitMix(state: 7)
        let headers: [[UInt8]] = [
            Array(CaptureBuilder.pcap([]).prefix(24)),
            Array(CaptureBuilder.pcap([], nanoseconds: true).prefix(24)),
            CaptureBuilder.sectionHeader() + CaptureBuilder.interface(.init(link: 1)),
            [],
        ]
        for header in headers {
            for _ in 0..<500 {
                let tail = (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                read(header + tail)
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aLargeCaptureReadsQuickly() throws {
        var conversation = Conversation()
        conversation.handshake()
        for index in 0..<2000 {
            conversation.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":\#(index),"method":"ping"}"#))
            conversation.send(fromClient: false, jsonResponse(#"{"jsonrpc":"2.0","id":\#(index),"result":{}}"#))
        }
        let report = try analyze(conversation.pcap())
        #expect(report.connections.first?.jsonrpc.count == 4000)
        #expect(report.connections.first?.jsonrpc.allSatisfy { $0.pairedFrame != nil } == true)
    }
}
