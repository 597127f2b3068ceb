/// Sorts TCP segments into connections.
///
/// The same four-tuple is reused within seconds (a client opening one connection per
/// request gets its ports back), so a SYN with a new initial sequence number, or any
/// SYN after a connection closed, starts a new connection.
struct ConnectionTracker {
    private struct Key: Hashable {
        var low: Endpoint
        var high: Endpoint
    }

    let file: UnsafeRawBufferPointer
    private(set) var connections: [TCPConnection] = []
    private var current: [Key: Int] = [:]

    init(file: UnsafeRawBufferPointer) {
        self.file = file
    }

    mutating func receive(_ segment: TCPSegment, ip: IPPacket, link: LinkPayload, frame: Frame) {
        let source = Endpoint(address: ip.source, port: segment.sourcePort)
        let destination = Endpoint(address: ip.destination, port: segment.destinationPort)
        let key = source < destination ? Key(low: source, high: destination) : Key(low: destination, high: source)
        let opening = segment.flags.contains(.syn) && !segment.flags.contains(.ack)
        if let index = current[key] {
            // A SYN with a new initial sequence number (or the first SYN of a connection
            // seen mid-stream) opens a new connection; the same SYN again is a retransmission.
            // Fields are read one by one: a copy of the connection would make its arrays
            // shared, and the append below copy them whole.
            let startsNew = opening && connections[index].syn?.sequence != segment.sequence
            if !startsNew {
                let fromClient = source == connections[index].client
                connections[index].receive(segment, frame: frame, fromClient: fromClient)
                return
            }
        }
        let client: Endpoint
        let server: Endpoint
        if opening || (segment.flags.contains(.syn) == false && segment.sourcePort > segment.destinationPort) {
            (client, server) = (source, destination)
        } else {
            (client, server) = (destination, source)
        }
        var connection = TCPConnection(
            index: connections.count + 1, client: client, server: server,
            toServer: TCPReassembler(file: file), toClient: TCPReassembler(file: file),
            firstFrame: frame.number, lastFrame: frame.number, link: frame.link, vlans: link.vlans, isIPv6: ip.isIPv6)
        connection.receive(segment, frame: frame, fromClient: source == client)
        current[key] = connections.count
        connections.append(connection)
    }

    mutating func finish() -> [TCPConnection] {
        for index in connections.indices { connections[index].finish() }
        return connections
    }
}
