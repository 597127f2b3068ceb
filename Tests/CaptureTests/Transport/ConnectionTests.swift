import Testing

@testable import Capture

/// Connections as the report shows them: handshakes, reuse of a four-tuple, disorder.
@Suite struct ConnectionTests {
    @Test func theSameFourTupleReusedIsANewConnectionAtEachSYN() throws {
        var first = Conversation()
        first.handshake()
        first.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#))
        first.send(fromClient: false, jsonResponse(#"{"jsonrpc":"2.0","id":1,"result":{}}"#))
        first.close()
        var second = Conversation(clientSequence: 900_000, serverSequence: 70_000)
        second.handshake()
        second.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#))
        second.send(fromClient: false, jsonResponse(#"{"jsonrpc":"2.0","id":2,"result":{}}"#))
        second.close()
        let report = try analyze(first.pcap(frames: first.frames + second.frames))
        #expect(report.connections.count == 2)
        #expect(report.connections.map(\.firstFrame) == [1, 9])
        #expect(report.connections[1].handshake.map(\.frame) == [9, 10, 11])
        #expect(report.connections[1].jsonrpc.map(\.id) == ["2", "2"])
        #expect(report.connections[0].closing.map(\.flags) == ["FIN, ACK", "FIN, ACK"])
    }

    @Test func handshakeSequenceNumbersAreRelative() throws {
        var conversation = Conversation()
        conversation.handshake()
        let report = try analyze(conversation.pcap())
        let handshake = try #require(report.connections.first?.handshake)
        #expect(handshake.map(\.sequence) == [0, 0, 1])
        #expect(handshake.map(\.acknowledgment) == [0, 1, 1])
        #expect(handshake.map(\.direction) == ["client → server", "server → client", "client → server"])
        #expect(handshake.map(\.time) == [0, 0.001, 0.002])
    }

    @Test func outOfOrderAndRetransmittedSegmentsStillGiveTheMessages() throws {
        var conversation = Conversation()
        conversation.handshake()
        let request = post(#"{"jsonrpc":"2.0","id":7,"method":"tools/list"}"#)
        let bytes = Array(request.utf8)
        let head = conversation.segment(fromClient: true, flags: .ack, payload: Array(bytes[..<40]))
        let tail = conversation.segment(fromClient: true, flags: [.psh, .ack], payload: Array(bytes[40...]))
        conversation.frames.removeLast(2)
        conversation.frames += [tail, head, head]
        conversation.send(fromClient: false, jsonResponse(#"{"jsonrpc":"2.0","id":7,"result":{"tools":[]}}"#))
        let report = try analyze(conversation.pcap())
        let connection = try #require(report.connections.first)
        #expect(connection.jsonrpc.map(\.kind) == ["request", "result"])
        #expect(connection.jsonrpc.first?.method == "tools/list")
        #expect(connection.jsonrpc.first?.frame == 5, "the request is whole once the early segment (#5) arrives")
        #expect(connection.tcpNotes.contains("client to server: 1 segment(s) out of order, put back in sequence"))
        #expect(connection.tcpNotes.contains("client to server: 1 retransmitted segment(s)"))
    }

    @Test func aMissingSegmentIsNotedAndTheStreamReadUpToIt() throws {
        var conversation = Conversation()
        conversation.handshake()
        conversation.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#))
        conversation.send(fromClient: true, "lost")
        conversation.frames.removeLast()
        conversation.send(fromClient: true, post(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#))
        let report = try analyze(conversation.pcap())
        let connection = try #require(report.connections.first)
        #expect(connection.jsonrpc.map(\.id) == ["1"])
        #expect(connection.tcpNotes.contains { $0.contains("4 byte(s) missing before frame #5") })
    }

    @Test func aResetIsReported() throws {
        var conversation = Conversation()
        conversation.handshake()
        conversation.segment(fromClient: false, flags: [.rst, .ack])
        let report = try analyze(conversation.pcap())
        #expect(report.connections.first?.closing.map(\.flags) == ["RST, ACK"])
        #expect(report.text.contains("[RST, ACK]"))
    }
}
