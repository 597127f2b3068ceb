import Foundation

/// The report as a person reads it: per connection, like a hand-written Wireshark
/// report (packet numbers `#N`, seconds since the first packet).
extension CaptureReport {
    package var text: String {
        var lines: [String] = []
        let interfaces = file.interfaces.map { interface in
            [interface.link, interface.name, interface.timestampResolution == "microseconds" ? nil : interface.timestampResolution]
                .compactMap { $0 }.joined(separator: ", ")
        }
        lines.append("Capture \(file.path): \(file.format), \(file.packets) packet(s) in \(Self.seconds(file.durationSeconds)) s")
        if let first = file.firstPacketTime { lines.append("  first packet at \(first)") }
        if file.sections > 1 { lines.append("  \(file.sections) sections") }
        lines.append("  interface(s): " + (interfaces.isEmpty ? "none" : interfaces.enumerated().map { "\($0) \($1)" }.joined(separator: "; ")))
        for comment in file.comments { lines.append("  comment: \(comment)") }
        for secrets in file.decryptionSecrets {
            lines.append("  decryption secrets: \(secrets.type), \(secrets.bytes) bytes (block at byte \(secrets.offset))")
        }
        let others = [(otherPackets.notTCP, "not TCP"), (otherPackets.fragments, "IP fragments (not reassembled)"), (otherPackets.undecodable, "not dissected")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !others.isEmpty { lines.append("  other packets: " + others.joined(separator: ", ")) }
        if connections.isEmpty { lines.append("\nNo TCP connection matches.") }
        for connection in connections { lines.append(""); lines += connection.textLines }
        if let damage {
            lines.append("")
            lines.append("Error: \(damage)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.6f", value)
    }

    static func milliseconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.3f ms" : "%.1f ms", value)
    }
}

extension ConnectionReport {
    var textLines: [String] {
        var lines: [String] = []
        lines.append(
            "Connection \(index): \(client) → \(server)  frames #\(firstFrame)–#\(lastFrame), \(packets) packets, "
                + "\(bytesToServer) bytes up, \(bytesToClient) bytes down, \(CaptureReport.seconds(durationSeconds)) s")
        lines.append("  Layers: link \(layers.link) | network \(layers.network) | transport \(layers.transport) | application \(layers.application)")
        lines.append("  TCP handshake:" + (handshake.isEmpty ? " not captured" : ""))
        for packet in handshake { lines.append("    " + packet.textLine) }
        for note in tcpNotes { lines.append("  TCP: \(note)") }
        if let tls { lines += tls.textLines }
        if !http.isEmpty {
            lines.append("  HTTP:")
            for message in http {
                var line = "    #\(message.frame)  \(CaptureReport.seconds(message.time))  \(message.direction)  \(message.startLine)"
                if message.lastFrame != message.frame { line += "  (through #\(message.lastFrame))" }
                if let latency = message.latencyMilliseconds, message.direction.hasPrefix("server") { line += "  after \(CaptureReport.milliseconds(latency))" }
                if !message.complete { line += "  [incomplete]" }
                lines.append(line)
                for header in message.headers { lines.append("        \(header.name): \(header.value)") }
                if message.bodyBytes > 0 { lines.append("        body: \(message.bodyBytes) bytes") }
            }
        }
        if !jsonrpc.isEmpty {
            lines.append("  JSON-RPC:")
            for message in jsonrpc {
                var line = "    #\(message.frame)  \(CaptureReport.seconds(message.time))  \(message.direction.hasPrefix("client") ? "→" : "←")  \(message.kind)"
                if let method = message.method { line += " \(method)" }
                if let id = message.id { line += " id=\(id)" }
                if message.carrier != "JSON body" { line += " [\(message.carrier)]" }
                if let paired = message.pairedFrame {
                    if message.kind == "result" || message.kind == "error" {
                        line += "  answers #\(paired)"
                        if let latency = message.latencyMilliseconds { line += " after \(CaptureReport.milliseconds(latency))" }
                    } else {
                        line += "  answered in #\(paired)"
                    }
                }
                lines.append(line)
                if !message.summary.isEmpty { lines.append("        \(message.summary)") }
                for flag in message.flags { lines.append("        ! \(flag)") }
            }
        } else if let tls, !tls.decrypted {
            lines.append(
                "  JSON-RPC: encrypted: \(tls.applicationDataToServer + tls.applicationDataToClient) application-data records"
                    + (tls.keysFound ? " (the key log names this session, but its records did not decrypt)" : " (no keys)"))
        }
        if !closing.isEmpty {
            lines.append("  Closing:")
            for packet in closing { lines.append("    " + packet.textLine) }
        }
        for note in notes { lines.append("  Note: \(note)") }
        return lines
    }
}

extension PacketReport {
    var textLine: String {
        let flags = "[\(self.flags)]".padding(toLength: 12, withPad: " ", startingAt: 0)
        var line = "#\(frame)  \(CaptureReport.seconds(time))  \(direction)  \(flags) seq=\(sequence)"
        if flags.contains("ACK") { line += " ack=\(acknowledgment)" }
        line += " win=\(window)"
        if length > 0 { line += " len=\(length)" }
        return line
    }
}

extension TLSReport {
    var textLines: [String] {
        var lines: [String] = ["  TLS:"]
        if let frame = clientHelloFrame {
            lines.append("    #\(frame) ClientHello" + (serverName.map { " SNI \($0)" } ?? " (no SNI)"))
            lines.append("        versions: \(offeredVersions.joined(separator: ", "))")
            lines.append("        cipher suites: \(cipherSuites.joined(separator: ", "))")
            lines.append("        groups: \(groups.joined(separator: ", "))")
            if !keyShares.isEmpty { lines.append("        key shares: \(keyShares.joined(separator: ", "))") }
            if !alpn.isEmpty { lines.append("        ALPN: \(alpn.joined(separator: ", "))") }
            if let clientRandom { lines.append("        client random: \(clientRandom)") }
        } else {
            lines.append("    no ClientHello in the capture")
        }
        if let frame = serverHelloFrame {
            let chosen = [version, cipherSuite, group].compactMap { $0 }.joined(separator: ", ")
            lines.append("    #\(frame) \(helloRetryRequest ? "HelloRetryRequest" : "ServerHello") \(chosen)" + (serverALPN.map { ", ALPN \($0)" } ?? ""))
            if let serverRandom { lines.append("        server random: \(serverRandom)") }
        }
        if !changeCipherSpecFrames.isEmpty { lines.append("    Change Cipher Spec: " + changeCipherSpecFrames.map { "#\($0)" }.joined(separator: ", ")) }
        lines.append("    application data: \(applicationDataToServer) record(s) client → server, \(applicationDataToClient) server → client")
        if keysFound {
            lines.append(
                "    decrypted: \(decryptedRecords) record(s)"
                    + (undecryptedRecords > 0 ? ", \(undecryptedRecords) did not (wrong keys, or records missing from the capture)" : ""))
        }
        for alert in alerts { lines.append("    alert \(alert)") }
        return lines
    }
}
