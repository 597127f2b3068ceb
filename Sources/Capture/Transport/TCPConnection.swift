/// One TCP connection: its two ends, its handshake, and each direction's stream.
struct TCPConnection {
    /// A packet worth naming in the report: a handshake packet, a FIN, a RST.
    struct Packet: Equatable {
        var number: Int
        var time: Int64?
        var flags: TCPSegment.Flags
        var fromClient: Bool
        var sequence: UInt32
        var acknowledgment: UInt32
        var window: UInt16
        var payloadLength: Int
    }

    var index: Int
    /// The end that sent the SYN (or, without one, the end with the higher port).
    var client: Endpoint
    var server: Endpoint
    var toServer: TCPReassembler
    var toClient: TCPReassembler
    var syn: Packet?
    var synAck: Packet?
    var handshakeAck: Packet?
    var closing: [Packet] = []
    var synRetransmissions = 0
    var packets = 0
    var bytesToServer = 0
    var bytesToClient = 0
    var firstTime: Int64?
    var lastTime: Int64?
    var firstFrame: Int
    var lastFrame: Int
    var link: LinkType
    var vlans: [UInt16]
    var isIPv6: Bool

    var isClosed: Bool { closing.contains { $0.flags.contains(.rst) } || (closing.contains { $0.flags.contains(.fin) && $0.fromClient } && closing.contains { $0.flags.contains(.fin) && !$0.fromClient }) }

    /// Feeds one segment of this connection.
    mutating func receive(_ segment: TCPSegment, frame: Frame, fromClient: Bool) {
        packets += 1
        if firstTime == nil { firstTime = frame.time }
        lastTime = frame.time ?? lastTime
        lastFrame = frame.number
        let packet = Packet(
            number: frame.number, time: frame.time, flags: segment.flags, fromClient: fromClient,
            sequence: segment.sequence, acknowledgment: segment.acknowledgment, window: segment.window,
            payloadLength: segment.payload.count)
        let flags = segment.flags
        if flags.contains(.syn) {
            if fromClient, !flags.contains(.ack) {
                if syn == nil { syn = packet; toServer.synchronize(sequence: segment.sequence) } else { synRetransmissions += 1 }
            } else if !fromClient, flags.contains(.ack) {
                if synAck == nil { synAck = packet; toClient.synchronize(sequence: segment.sequence) }
            }
        } else if fromClient, synAck != nil, handshakeAck == nil, flags.contains(.ack),
            let server = synAck, segment.acknowledgment == server.sequence &+ 1
        {
            handshakeAck = packet
        }
        if flags.contains(.fin) || flags.contains(.rst) { closing.append(packet) }
        if fromClient {
            bytesToServer += segment.payload.count
            toServer.receive(sequence: segment.sequence &+ (flags.contains(.syn) ? 1 : 0), payload: segment.payload, frame: frame.number, time: frame.time)
        } else {
            bytesToClient += segment.payload.count
            toClient.receive(sequence: segment.sequence &+ (flags.contains(.syn) ? 1 : 0), payload: segment.payload, frame: frame.number, time: frame.time)
        }
    }

    mutating func finish() {
        toServer.finish()
        toClient.finish()
    }
}
