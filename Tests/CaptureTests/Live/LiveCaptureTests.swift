import Foundation
import ServerKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import Capture

/// Real traffic captured by tcpdump on loopback: the seed's two requests to
/// `setlist serve clock --http`, and a server that answers in SSE.
@Suite(.serialized) struct LiveCaptureTests {
    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#
    static let currentTime = #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"current_time"}}"#

    static func request(_ body: String, port: Int) -> String {
        "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nAuthorization: Bearer live-test-token\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    @Test(.timeLimit(.minutes(2))) func theSeedsRequestsToTheClockServerAndAnSSEAnswer() async throws {
        let clockPort = try LoopbackCapture.freePort()
        let ssePort = try LoopbackCapture.freePort()
        let clock = try await LoopbackCapture.startClock(port: clockPort)
        defer { #expect(clock.stop(SIGTERM) == 0, "setlist serve clock exits 0 on SIGTERM") }
        let sse = try SSEServer(port: ssePort)
        var answers: [String] = []
        let file = try await LoopbackCapture.capture(ports: [clockPort, ssePort]) {
            answers.append(try await LoopbackCapture.exchange(port: clockPort, Self.request(Self.initialize, port: clockPort)))
            answers.append(try await LoopbackCapture.exchange(port: clockPort, Self.request(Self.currentTime, port: clockPort)))
            let call = #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"slow","_meta":{"progressToken":1}}}"#
            answers.append(try await LoopbackCapture.exchange(port: sse.port, Self.request(call, port: ssePort)))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(answers[0].hasPrefix("HTTP/1.1 200"), "the clock server answered initialize: \(answers[0].prefix(200))")
        #expect(answers[1].contains("\"result\""), "the clock server answered current_time: \(answers[1].prefix(300))")
        #expect(answers[2].contains("done"))

        let report = try CaptureAnalyzer().analyze(path: file.path)
        #expect(report.damage == nil)
        let clockConnections = report.connections.filter { $0.server == "127.0.0.1:\(clockPort)" }
        try #require(clockConnections.count == 2, "two connections to the clock server, one per request: \(report.text)")
        for connection in clockConnections {
            #expect(connection.layers.link == "Ethernet")
            #expect(connection.layers.network == "IPv4")
            #expect(connection.handshake.map(\.flags) == ["SYN", "SYN, ACK", "ACK"])
            // In order from the connection's first frame; the other connection's last packets may come between them.
            let frames = connection.handshake.map(\.frame)
            #expect(frames.first == connection.firstFrame && frames == frames.sorted() && Set(frames).count == 3)
            #expect(connection.layers.application.hasPrefix("HTTP/1.1 + JSON-RPC"))
            #expect(connection.http.first?.headers.contains(HTTPReport.Header(name: "Authorization", value: "Bearer ••••(15 characters)")) == true)
        }
        let rpc = clockConnections.flatMap(\.jsonrpc)
        #expect(rpc.map(\.kind) == ["request", "result", "request", "result"])
        #expect(rpc.map(\.method) == ["initialize", "initialize", "tools/call", "tools/call"])
        #expect(rpc[0].pairedFrame == rpc[1].frame)
        #expect(rpc[2].pairedFrame == rpc[3].frame)
        #expect(rpc[1].latencyMilliseconds.map { $0 > 0 && $0 < 10_000 } == true)
        #expect(rpc[3].latencyMilliseconds.map { $0 > 0 && $0 < 10_000 } == true)
        #expect(rpc.allSatisfy { $0.flags.isEmpty })
        #expect(rpc[3].summary.contains("content"))

        let sseConnection = try #require(report.connections.first { $0.server == "127.0.0.1:\(ssePort)" })
        #expect(sseConnection.jsonrpc.map(\.kind) == ["request", "notification", "result"])
        #expect(sseConnection.jsonrpc.map(\.carrier) == ["JSON body", "SSE event", "SSE event"])
        #expect(sseConnection.jsonrpc.last?.pairedFrame == sseConnection.jsonrpc.first?.frame)
        #expect(sseConnection.jsonrpc.last?.latencyMilliseconds.map { $0 >= 25 } == true, "the result came after the server's 30 ms pause")
        #expect(sseConnection.closing.contains { $0.flags.contains("FIN") })

        // The command prints the same, and --json decodes back to it.
        let text = try await run(["capture", "analyze", file.path])
        #expect(text.contains("→  request initialize id=1"))
        #expect(text.contains("←  result tools/call id=2  answers #"))
        #expect(text.contains("[SYN, ACK]"))
        let json = try await run(["capture", "analyze", "--json", "--port", String(clockPort), "--method", "tools/call", file.path])
        let decoded = try JSONDecoderForTests.decode(json)
        #expect(decoded.connections.flatMap(\.jsonrpc).map(\.id) == ["2", "2"])
        try saveFixtureIfAsked(file)
    }

    @Test func aMissingFileIsAClearError() async throws {
        let output = try await run(["capture", "analyze", "/nonexistent/capture.pcap"], expectFailure: true)
        #expect(output.contains("Cannot read /nonexistent/capture.pcap"))
    }

    @Test func aTruncatedFileIsReportedUpToTheDamageThenFails() async throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-cut-\(UUID().uuidString).pcap")
        try bytes.prefix(3000).write(to: cut)
        defer { try? FileManager.default.removeItem(at: cut) }
        let output = try await run(["capture", "analyze", cut.path], expectFailure: true, standardOutput: true)
        #expect(output.contains("←  result tools/call id=2  answers #14"), "the connections before the damage are reported")
        #expect(output.contains("Error: The capture is truncated at byte 2961: the file ends inside packet 21"))
    }

    /// Runs the built `setlist` and returns its standard output (or error, when it fails).
    func run(_ arguments: [String], expectFailure: Bool = false, standardOutput: Bool = false) async throws -> String {
        let (status, data, errorData) = try await onOwnThread {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LoopbackCapture.setlist)
            process.arguments = arguments
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // stderr holds a line or two, never enough to fill its pipe while stdout is read.
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let errorData = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, data, errorData)
        }
        // A damaged file exits 2 after its report; other failures exit non-zero.
        let expected = expectFailure ? (standardOutput ? status == 2 : status != 0) : status == 0
        #expect(expected, "exit status \(status): setlist \(arguments.joined(separator: " ")): \(String(decoding: errorData, as: UTF8.self))")
        return String(decoding: expectFailure && !standardOutput ? errorData : data, as: UTF8.self)
    }

    /// With SETLIST_SAVE_CAPTURE_FIXTURE=PATH, keeps the capture as a fixture.
    func saveFixtureIfAsked(_ file: URL) throws {
        guard let path = ProcessInfo.processInfo.environment["SETLIST_SAVE_CAPTURE_FIXTURE"] else { return }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: file.path, toPath: path)
    }
}
