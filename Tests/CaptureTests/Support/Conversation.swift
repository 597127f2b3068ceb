import Foundation

@testable import Capture

/// A TCP conversation between a client and a server, written segment by segment:
/// sequence numbers advance as a real stack's would, so tests can reorder, repeat or
/// drop segments and see what the reader makes of it.
struct Conversation {
    typealias P = PacketBuilder

    var clientPort: UInt16 = 50_000
    var serverPort: UInt16 = 8080
    var clientSequence: UInt32 = 1000
    var serverSequence: UInt32 = 5000
    /// Wraps a TCP segment into a frame of the link under test.
    var frame: ([UInt8], _ fromClient: Bool) -> [UInt8] = { tcp, _ in P.ethernet(P.ipv4(payload: tcp)) }
    /// Frames written so far, in wire order.
    var frames: [[UInt8]] = []

    @discardableResult
    mutating func segment(fromClient: Bool, flags: P.TCPFlags, payload: [UInt8] = []) -> [UInt8] {
        let tcp = fromClient
            ? P.tcp(source: clientPort, destination: serverPort, sequence: clientSequence, acknowledgment: serverSequence, flags: flags, payload: payload)
            : P.tcp(source: serverPort, destination: clientPort, sequence: serverSequence, acknowledgment: clientSequence, flags: flags, payload: payload)
        let advance = UInt32(payload.count) + (flags.contains(.syn) || flags.contains(.fin) ? 1 : 0)
        if fromClient { clientSequence &+= advance } else { serverSequence &+= advance }
        let bytes = frame(tcp, fromClient)
        frames.append(bytes)
        return bytes
    }

    mutating func handshake() {
        segment(fromClient: true, flags: .syn)
        segment(fromClient: false, flags: [.syn, .ack])
        segment(fromClient: true, flags: .ack)
    }

    mutating func send(fromClient: Bool, _ text: String) {
        segment(fromClient: fromClient, flags: [.psh, .ack], payload: Array(text.utf8))
    }

    mutating func close() {
        segment(fromClient: true, flags: [.fin, .ack])
        segment(fromClient: false, flags: [.fin, .ack])
        segment(fromClient: true, flags: .ack)
    }

    /// The frames as a pcap, one millisecond apart, starting at `start` seconds.
    func pcap(start: UInt32 = 1_700_000_000, link: UInt32 = 1, frames chosen: [[UInt8]]? = nil) -> [UInt8] {
        let list = chosen ?? frames
        return CaptureBuilder.pcap(list.enumerated().map { TestPacket(seconds: start, fraction: UInt32($0.offset) * 1000, bytes: $0.element) }, link: link)
    }
}

/// Reads bytes as a capture file.
func analyze(_ bytes: [UInt8], options: CaptureOptions = CaptureOptions()) throws -> CaptureReport {
    try CaptureAnalyzer(options: options).analyze(MappedFile(copying: bytes), path: "test.pcap")
}

/// Every frame of a capture.
func frames(_ bytes: [UInt8]) throws -> (frames: [Frame], file: CaptureFile, mapped: MappedFile) {
    let mapped = MappedFile(copying: bytes)
    var file = try CaptureFile(bytes: mapped.bytes)
    var result: [Frame] = []
    while let frame = file.next() { result.append(frame) }
    return (result, file, mapped)
}

/// An HTTP POST of a JSON-RPC body, as a client sends it.
func post(_ body: String, path: String = "/mcp", extraHeaders: String = "") -> String {
    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n\(extraHeaders)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}

/// An HTTP 200 with a JSON body.
func jsonResponse(_ body: String, extraHeaders: String = "") -> String {
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\(extraHeaders)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}
