import Foundation
import ServerKit

/// Reads a capture layer by layer and builds its report: frames, link, IP, TCP
/// connections, then TLS or HTTP with the JSON-RPC inside.
///
/// Frames are read in one pass that only sorts them into connections (ranges of the
/// file, no bytes copied); the connections are then read above TCP on every core, one
/// connection at a time on each, and their JSON-RPC paired across connections.
package struct CaptureAnalyzer {
    package var options: CaptureOptions

    package init(options: CaptureOptions = CaptureOptions()) {
        self.options = options
    }

    /// Maps and reads the file at `path`. Throws only when nothing can be read; damage
    /// further in is in the report's ``CaptureReport/damage``.
    package func analyze(path: String) throws(CaptureError) -> CaptureReport {
        let file = try MappedFile(path: path)
        return try analyze(file, path: path)
    }

    package func analyze(_ file: MappedFile, path: String) throws(CaptureError) -> CaptureReport {
        let bytes = file.bytes
        var capture = try CaptureFile(bytes: bytes)
        var tracker = ConnectionTracker(file: bytes)
        var other = OtherPackets(notTCP: 0, fragments: 0, undecodable: 0)
        var packets = 0
        var firstTime: Int64?
        var lastTime: Int64?
        var packetComments: [String] = []

        // MARK: Frames to segments
        while let frame = capture.next() {
            packets += 1
            packetComments += frame.comments.map { "#\(frame.number): \($0)" }
            if let time = frame.time {
                firstTime = firstTime ?? time
                lastTime = time
            }
            guard let link = LinkDecoder.decode(frame, in: bytes),
                let ip = IPPacket.parse(link, end: frame.offset + frame.capturedLength, in: bytes)
            else {
                other.undecodable += 1
                continue
            }
            if ip.isFragment {
                other.fragments += 1
                continue
            }
            guard ip.protocolNumber == 6 else {
                other.notTCP += 1
                continue
            }
            guard let segment = TCPSegment.parse(ip.payload, in: bytes) else {
                other.undecodable += 1
                continue
            }
            if let port = options.port, segment.sourcePort != port, segment.destinationPort != port { continue }
            if let host = options.host, ip.source != host.address, ip.destination != host.address { continue }
            tracker.receive(segment, ip: ip, link: link, frame: frame)
        }
        let connections = tracker.finish()

        // MARK: Segments to messages
        let clock = Timeline(start: firstTime)
        let secrets = capture.secrets
        let readings = ConcurrentMap.map(connections.count) { read(connections[$0], secrets: secrets, file: bytes) }
        var sightings = readings.flatMap(\.sightings)
        RPCPairing.pair(&sightings)

        var firstSightings: [Int] = []
        var sightingIndex = 0
        for reading in readings {
            firstSightings.append(sightingIndex)
            sightingIndex += reading.sightings.count
        }
        let paired = sightings
        let reports = ConcurrentMap.map(connections.count) { index -> ConnectionReport? in
            let start = firstSightings[index]
            var own = paired[start..<(start + readings[index].sightings.count)][...]
            if let method = options.method {
                own = own.filter { sighting in
                    sighting.message.method == method || sighting.pairedWith.map { paired[$0].message.method == method } == true
                }[...]
                guard !own.isEmpty else { return nil }
            }
            return connectionReport(connections[index], readings[index], rpc: own.map { rpcReport($0, all: paired, clock: clock) }, clock: clock)
        }.compactMap { $0 }
        BackgroundRelease.release([consume readings, consume connections, consume paired, consume sightings])

        let summary = FileSummary(
            path: path, format: capture.format.description, sections: capture.sections,
            interfaces: capture.interfaces.enumerated().map { index, interface in
                InterfaceSummary(
                    index: index, link: interface.link.name, name: interface.name,
                    timestampResolution: interface.resolution.description, timestampOffsetSeconds: interface.offsetSeconds)
            },
            packets: packets, firstPacketTime: firstTime.map(Self.iso8601),
            durationSeconds: clock.seconds(lastTime) ?? 0, comments: capture.comments + packetComments,
            decryptionSecrets: capture.secrets.map { SecretsSummary(type: $0.typeName, bytes: $0.data.count, offset: $0.offset) })
        return CaptureReport(
            file: summary, connections: reports, otherPackets: other,
            damage: capture.damage?.description, damageOffset: capture.damage?.offset)
    }

    // MARK: - One connection's application layer

    /// What a connection's streams held above TCP.
    struct Reading {
        var application: String
        var tls: TLSConnection?
        var http: [(message: HTTPMessage, fromClient: Bool, latency: Int64?)] = []
        var sightings: [RPCSighting] = []
        var notes: [String] = []
    }

    func read(_ connection: TCPConnection, secrets: [DecryptionSecrets], file: UnsafeRawBufferPointer) -> Reading {
        let up = connection.toServer.stream
        let down = connection.toClient.stream
        if TLSRecordReader.looksLikeTLS(up) || TLSRecordReader.looksLikeTLS(down) {
            let tls = TLSConnectionReader.read(toServer: up, toClient: down, file: file, provider: options.decryptors, secrets: secrets)
            let version = tls.serverHello.map { TLSNames.version($0.version) } ?? "TLS"
            var reading = Reading(application: version, tls: tls, notes: tls.notes)
            if tls.plaintextToServer.count > 0 || tls.plaintextToClient.count > 0 {
                readHTTP(tls.plaintextToServer, tls.plaintextToClient, connection, into: &reading)
                reading.application = "\(version) / \(reading.application)"
            }
            // What the report needs of the plaintext is read: free it.
            reading.tls?.plaintextToServer = StreamBytes(file: file)
            reading.tls?.plaintextToClient = StreamBytes(file: file)
            return reading
        }
        if HTTPStreamParser.looksLikeHTTP(up) || HTTPStreamParser.looksLikeHTTP(down) {
            var reading = Reading(application: "HTTP/1.1")
            readHTTP(up, down, connection, into: &reading)
            return reading
        }
        let total = up.count + down.count
        return Reading(application: total == 0 ? "none (no payload)" : "unrecognized (\(total) bytes)")
    }

    private func readHTTP(_ up: StreamBytes, _ down: StreamBytes, _ connection: TCPConnection, into reading: inout Reading) {
        up.withContiguousBytes { upBytes in
            down.withContiguousBytes { downBytes in
                readHTTP(up, upBytes, down, downBytes, connection, into: &reading)
            }
        }
    }

    /// Reads HTTP from both directions' bytes, each gathered once.
    private func readHTTP(
        _ up: StreamBytes, _ upBytes: UnsafeRawBufferPointer, _ down: StreamBytes, _ downBytes: UnsafeRawBufferPointer,
        _ connection: TCPConnection, into reading: inout Reading
    ) {
        let requests = HTTPStreamParser.messages(in: upBytes, stream: up)
        let responses = HTTPStreamParser.messages(in: downBytes, stream: down, requestMethods: requests.messages.compactMap {
            if case .request(let method, _, _) = $0.start { return method }
            return nil
        })
        if let stop = requests.stop { reading.notes.append("client to server: HTTP stops at stream byte \(stop.offset): \(stop.reason)") }
        if let stop = responses.stop { reading.notes.append("server to client: HTTP stops at stream byte \(stop.offset): \(stop.reason)") }
        var carriesSSE = false
        var carriesRPC = false
        for (index, request) in requests.messages.enumerated() {
            var latency: Int64?
            if index < responses.messages.count, let asked = request.lastTime, let answered = responses.messages[index].firstTime {
                latency = answered &- asked
            }
            reading.http.append((request, true, latency))
        }
        for (index, response) in responses.messages.enumerated() {
            var latency: Int64?
            if index < requests.messages.count, let asked = requests.messages[index].lastTime, let answered = response.firstTime {
                latency = answered &- asked
            }
            reading.http.append((response, false, latency))
        }
        reading.http.sort { $0.message.firstFrame < $1.message.firstFrame }
        for (message, fromClient, _) in reading.http {
            for found in fromClient ? rpcMessages(in: message, upBytes, stream: up) : rpcMessages(in: message, downBytes, stream: down) {
                carriesRPC = true
                if found.carrier == "SSE event" { carriesSSE = true }
                reading.sightings.append(RPCSighting(
                    message: found.message, connection: connection.index, fromClient: fromClient, frame: found.frame,
                    time: found.time, carrier: found.carrier, client: connection.client.address, server: connection.server))
            }
        }
        if carriesRPC { reading.application = "HTTP/1.1 + JSON-RPC" + (carriesSSE ? " (JSON and SSE bodies)" : "") }
    }

    /// A JSON-RPC message of a body, with the frame that completed it.
    private struct Found {
        var message: RPCMessage
        var frame: Int
        var time: Int64?
        var carrier: String
    }

    /// The JSON-RPC messages of one HTTP message's body; `bytes` are the stream's.
    private func rpcMessages(in message: HTTPMessage, _ bytes: UnsafeRawBufferPointer, stream: StreamBytes) -> [Found] {
        guard message.bodyCount > 0 else { return [] }
        let showSecrets = options.showSecrets
        if message.mediaType == "text/event-stream" {
            let events = message.withBody(in: bytes) { body in
                var reader = ServerSentEvents()
                return reader.read(body)
            }
            return events.flatMap { event -> [Found] in
                var data = event.data
                guard !data.isEmpty, let messages = data.withUTF8({ RPCMessage.messages(in: UnsafeRawBufferPointer($0), showSecrets: showSecrets) })
                else { return [] }
                let carrier = stream.frame(at: message.streamOffset(ofBody: max(event.endOffset - 1, 0)))
                return messages.map { Found(message: $0, frame: carrier.number, time: carrier.time, carrier: "SSE event") }
            }
        }
        guard let messages = message.withBody(in: bytes, { RPCMessage.messages(in: $0, showSecrets: showSecrets) }) else { return [] }
        return messages.map { Found(message: $0, frame: message.lastFrame, time: message.lastTime, carrier: "JSON body") }
    }

    // MARK: - Report building

    private func connectionReport(_ connection: TCPConnection, _ reading: Reading, rpc: [RPCReport], clock: Timeline) -> ConnectionReport {
        let clientISN = connection.syn?.sequence ?? connection.toServer.initialSequence
        let serverISN = connection.synAck?.sequence ?? connection.toClient.initialSequence
        func packet(_ packet: TCPConnection.Packet) -> PacketReport {
            let own = packet.fromClient ? clientISN : serverISN
            let other = packet.fromClient ? serverISN : clientISN
            return PacketReport(
                frame: packet.number, time: clock.seconds(packet.time),
                direction: packet.fromClient ? "client → server" : "server → client", flags: packet.flags.description,
                sequence: own.map { packet.sequence &- $0 } ?? packet.sequence,
                acknowledgment: packet.flags.contains(.ack) ? (other.map { packet.acknowledgment &- $0 } ?? packet.acknowledgment) : 0,
                window: packet.window, length: packet.payloadLength)
        }
        var tcpNotes: [String] = []
        if connection.syn == nil { tcpNotes.append("no SYN in the capture: it began after the connection opened") }
        if connection.synRetransmissions > 0 { tcpNotes.append("SYN retransmitted \(connection.synRetransmissions) time(s)") }
        for (name, direction) in [("client to server", connection.toServer), ("server to client", connection.toClient)] {
            if direction.retransmissions > 0 { tcpNotes.append("\(name): \(direction.retransmissions) retransmitted segment(s)") }
            if direction.outOfOrder > 0 { tcpNotes.append("\(name): \(direction.outOfOrder) segment(s) out of order, put back in sequence") }
            if let gap = direction.gap {
                tcpNotes.append("\(name): \(gap.missingBytes) byte(s) missing before frame #\(gap.beforeFrame); the stream is read up to stream byte \(gap.streamOffset)")
            }
        }
        var link = connection.link.name
        if !connection.vlans.isEmpty { link += " (VLAN \(connection.vlans.map(String.init).joined(separator: ", ")))" }
        return ConnectionReport(
            index: connection.index, client: connection.client.description, server: connection.server.description,
            firstFrame: connection.firstFrame, lastFrame: connection.lastFrame, packets: connection.packets,
            startSeconds: clock.seconds(connection.firstTime) ?? 0,
            durationSeconds: Timeline(start: connection.firstTime).seconds(connection.lastTime) ?? 0,
            bytesToServer: connection.bytesToServer, bytesToClient: connection.bytesToClient,
            layers: Layers(link: link, network: connection.isIPv6 ? "IPv6" : "IPv4", transport: "TCP", application: reading.application),
            handshake: [connection.syn, connection.synAck, connection.handshakeAck].compactMap { $0 }.map(packet),
            closing: connection.closing.map(packet), tcpNotes: tcpNotes,
            tls: reading.tls.map(tlsReport),
            http: reading.http.map { httpReport($0.message, fromClient: $0.fromClient, latency: $0.latency, clock: clock) },
            jsonrpc: rpc, notes: reading.notes)
    }

    private func tlsReport(_ tls: TLSConnection) -> TLSReport {
        let client = tls.clientHello
        let server = tls.serverHello
        return TLSReport(
            clientHelloFrame: tls.clientHelloFrame, serverName: client?.serverName,
            offeredVersions: (client.map { $0.supportedVersions.isEmpty ? [$0.legacyVersion] : $0.supportedVersions } ?? []).map(TLSNames.version),
            cipherSuites: (client?.cipherSuites ?? []).map(TLSNames.cipherSuite),
            groups: (client?.supportedGroups ?? []).map(TLSNames.group),
            keyShares: (client?.keyShares ?? []).map { "\(TLSNames.group($0.group)) (\($0.length) bytes)" },
            alpn: client?.alpn ?? [], clientRandom: client.map { Hex.encode($0.random) },
            serverHelloFrame: tls.serverHelloFrame, helloRetryRequest: server?.isHelloRetryRequest ?? false,
            version: server.map { TLSNames.version($0.version) }, cipherSuite: server.map { TLSNames.cipherSuite($0.cipherSuite) },
            group: server?.keyShareGroup.map(TLSNames.group), serverALPN: server?.alpn, serverRandom: server.map { Hex.encode($0.random) },
            changeCipherSpecFrames: tls.changeCipherSpecFrames.map(\.frame),
            applicationDataToServer: tls.applicationDataToServer, applicationDataToClient: tls.applicationDataToClient,
            alerts: tls.alerts.map { "#\($0.frame) \($0.direction.rawValue): \($0.description)" },
            decrypted: tls.decryptedRecords > 0, keysFound: tls.decryptorUsed, decryptedRecords: tls.decryptedRecords, undecryptedRecords: tls.undecryptedRecords)
    }

    private func httpReport(_ message: HTTPMessage, fromClient: Bool, latency: Int64?, clock: Timeline) -> HTTPReport {
        let headers = message.headers.map {
            HTTPReport.Header(
                name: $0.name, value: options.showSecrets || !$0.known.holdsSecret ? $0.value : SecretMasking.header($0.name, $0.value))
        }
        return HTTPReport(
            frame: message.firstFrame, lastFrame: message.lastFrame, time: clock.seconds(message.firstTime),
            direction: fromClient ? "client → server" : "server → client",
            startLine: options.showSecrets ? message.summary : SecretMasking.startLine(message.summary), headers: headers,
            bodyBytes: message.bodyCount, complete: message.isComplete,
            latencyMilliseconds: latency.map { Double($0) / 1e6 })
    }

    private func rpcReport(_ sighting: RPCSighting, all: [RPCSighting], clock: Timeline) -> RPCReport {
        let message = sighting.message
        return RPCReport(
            frame: sighting.frame, time: clock.seconds(sighting.time),
            direction: sighting.fromClient ? "client → server" : "server → client", kind: message.kind.rawValue,
            method: message.method ?? sighting.pairedWith.flatMap { all[$0].message.method }, id: message.id?.description,
            carrier: sighting.carrier, summary: message.summary, errorCode: message.errorCode,
            pairedFrame: sighting.pairedWith.map { all[$0].frame },
            latencyMilliseconds: sighting.latencyNanoseconds.map { Double($0) / 1e6 }, flags: sighting.flags)
    }

    // MARK: - Time

    /// Turns capture timestamps into seconds since the first packet.
    struct Timeline {
        var start: Int64?
        func seconds(_ time: Int64?) -> Double? {
            guard let time, let start else { return nil }
            // Damaged timestamps may lie anywhere in Int64: never trap on their distance.
            let (distance, overflow) = time.subtractingReportingOverflow(start)
            return overflow ? (Double(time) - Double(start)) / 1e9 : Double(distance) / 1e9
        }
    }

    static func iso8601(_ nanoseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(nanoseconds) / 1e9)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

