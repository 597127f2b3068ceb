import Foundation
import Testing

@testable import Capture

/// A capture tcpdump wrote on loopback (by ``LiveCaptureTests``, with
/// SETLIST_SAVE_CAPTURE_FIXTURE): the seed's initialize and current_time to
/// `setlist serve clock --http`, one connection each, then a tools/call answered in SSE.
@Suite struct FixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/clock-and-sse.pcap").path

    @Test func theSeedExchangeAsTcpdumpWroteIt() throws {
        let report = try CaptureAnalyzer().analyze(path: Self.fixture)
        #expect(report.file.format == "pcap (little-endian, microseconds)")
        #expect(report.file.packets == 34)
        #expect(report.damage == nil)
        #expect(report.connections.count == 3)
        #expect(report.connections.map(\.handshake).map { $0.map(\.frame) } == [[1, 2, 3], [11, 12, 13], [21, 22, 23]])
        let rpc = report.connections.flatMap(\.jsonrpc)
        #expect(rpc.map(\.method) == ["initialize", "initialize", "tools/call", "tools/call", "tools/call", "notifications/progress", "tools/call"])
        #expect(rpc.map(\.frame) == [4, 6, 14, 16, 24, 28, 30])
        #expect(rpc.map(\.pairedFrame) == [6, 4, 16, 14, 30, nil, 24])
        #expect(rpc.map(\.latencyMilliseconds) == [3.686, 3.686, 1.162, 1.162, 30.378, nil, 30.378])
        #expect(report.connections.last?.http.last?.lastFrame == 30)
    }

    @Test func filtersOnTheFixture() throws {
        let calls = try CaptureAnalyzer(options: CaptureOptions(method: "initialize")).analyze(path: Self.fixture)
        #expect(calls.connections.map(\.index) == [1])
        let sse = try CaptureAnalyzer(options: CaptureOptions(port: 35089)).analyze(path: Self.fixture)
        #expect(sse.connections.map(\.server) == ["127.0.0.1:35089"])
    }

    @Test func everyPrefixOfTheFixtureReportsWithoutTrapping() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        var damaged = 0
        for length in stride(from: 0, through: bytes.count, by: 3) {
            guard let report = try? analyze(Array(bytes[..<length])) else { continue }
            if report.damage != nil { damaged += 1 }
            _ = report.text
        }
        #expect(damaged > 100)
    }
}
