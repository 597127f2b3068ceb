/// What one TLS connection showed: the hellos, the switch to protection, how many
/// records each way, and (with a decryptor) the plaintext of application data.
struct TLSConnection {
    var clientHello: ClientHello?
    var clientHelloFrame: Int?
    var serverHello: ServerHello?
    var serverHelloFrame: Int?
    var changeCipherSpecFrames: [(frame: Int, direction: TLSDirection)] = []
    var applicationDataToServer = 0
    var applicationDataToClient = 0
    var alerts: [(frame: Int, direction: TLSDirection, description: String)] = []
    var decryptedRecords = 0
    var undecryptedRecords = 0
    var decryptorUsed = false
    var plaintextToServer: StreamBytes
    var plaintextToClient: StreamBytes
    /// Where a direction stopped being TLS or ended inside a record.
    var notes: [String] = []
}

/// Reads both directions of a connection as TLS.
enum TLSConnectionReader {
    static func read(
        toServer: StreamBytes, toClient: StreamBytes, file: UnsafeRawBufferPointer,
        provider: (any RecordDecryptorProvider)?, secrets: [DecryptionSecrets]
    ) -> TLSConnection {
        toServer.withContiguousBytes { upBytes in
            toClient.withContiguousBytes { downBytes in
                read(toServer: toServer, upBytes, toClient: toClient, downBytes, file: file, provider: provider, secrets: secrets)
            }
        }
    }

    /// Reads the records of both directions from their bytes, each gathered once:
    /// a record is opened where it lies, however many segments carried it.
    private static func read(
        toServer: StreamBytes, _ upBytes: UnsafeRawBufferPointer, toClient: StreamBytes, _ downBytes: UnsafeRawBufferPointer,
        file: UnsafeRawBufferPointer, provider: (any RecordDecryptorProvider)?, secrets: [DecryptionSecrets]
    ) -> TLSConnection {
        var tls = TLSConnection(plaintextToServer: StreamBytes(file: file), plaintextToClient: StreamBytes(file: file))
        let up = TLSRecordReader.records(in: upBytes, stream: toServer)
        let down = TLSRecordReader.records(in: downBytes, stream: toClient)
        for (stop, name) in [(up.stop, "client to server"), (down.stop, "server to client")] {
            switch stop {
            case .incomplete(let offset)?: tls.notes.append("\(name): the capture ends inside a TLS record at stream byte \(offset)")
            case .notTLS(let offset)?: tls.notes.append("\(name): not TLS from stream byte \(offset) on")
            case nil: break
            }
        }
        let clientHello = firstHello(up.records, in: upBytes, type: 1) { TLSHelloParser.clientHello($0) }
        let serverHello = firstHello(down.records, in: downBytes, type: 2) { TLSHelloParser.serverHello($0) }
        (tls.clientHello, tls.clientHelloFrame) = (clientHello.hello, clientHello.record.map { up.records[$0].frame })
        (tls.serverHello, tls.serverHelloFrame) = (serverHello.hello, serverHello.record.map { down.records[$0].frame })
        let (clientHelloMessage, serverHelloMessage) = (clientHello.message, serverHello.message)

        var decryptor: (any RecordDecryptor)?
        if let provider, let client = tls.clientHello, let server = tls.serverHello {
            let facts = TLSSessionFacts(
                clientRandom: client.random, serverRandom: server.random, version: server.version,
                cipherSuite: server.cipherSuite, group: server.keyShareGroup, serverName: client.serverName,
                clientHelloMessage: clientHelloMessage, serverHelloMessage: serverHelloMessage)
            decryptor = provider.decryptor(for: facts, secrets: secrets)
            tls.decryptorUsed = decryptor != nil
        }

        // Both directions in capture order, as a decryptor must see them.
        let merged = (up.records.enumerated().map { ($1, TLSDirection.clientToServer, $0) }
            + down.records.enumerated().map { ($1, TLSDirection.serverToClient, $0) })
            .sorted { $0.0.frame < $1.0.frame }
        for (record, direction, index) in merged {
            let bytes = direction == .clientToServer ? upBytes : downBytes
            switch record.type {
            case .changeCipherSpec: tls.changeCipherSpecFrames.append((record.frame, direction))
            case .applicationData:
                if direction == .clientToServer { tls.applicationDataToServer += 1 } else { tls.applicationDataToClient += 1 }
            case .alert where record.fragment.count == 2:
                let level = bytes[record.fragment.lowerBound]
                let code = bytes[record.fragment.lowerBound + 1]
                tls.alerts.append((record.frame, direction, "\(level == 2 ? "fatal" : "warning") alert \(code)"))
            default: break
            }
            guard decryptor != nil, followsTheHellos(direction, index, frame: record.frame, clientHello.record, serverHello.record, tls) else {
                continue
            }
            let header = TLSRecordHeader(
                contentType: record.type.rawValue, version: record.version, length: record.fragment.count,
                direction: direction, frame: record.frame)
            // Opened in place: a copy of the decryptor would copy its keys each record.
            let opened = decryptor?.open(header, fragment: UnsafeRawBufferPointer(rebasing: bytes[record.fragment])) ?? nil
            guard record.type != .changeCipherSpec else { continue }
            guard let opened else {
                tls.undecryptedRecords += 1
                continue
            }
            if opened.wasProtected { tls.decryptedRecords += 1 }
            if opened.contentType == TLSRecord.ContentType.applicationData.rawValue {
                if direction == .clientToServer {
                    tls.plaintextToServer.append(owned: opened.plaintext, frame: record.frame, time: record.time)
                } else {
                    tls.plaintextToClient.append(owned: opened.plaintext, frame: record.frame, time: record.time)
                }
            }
        }
        return tls
    }

    /// Whether a record comes after the hellos, and so goes to the decryptor (which
    /// takes TLS 1.2's records in the clear until change cipher spec): a server's
    /// record after the ServerHello's, a client's after its ClientHello's once the
    /// ServerHello has come. Counted by record, not frame: a resumed TLS 1.2 session
    /// sends its protected Finished in the ServerHello's own segment.
    private static func followsTheHellos(
        _ direction: TLSDirection, _ index: Int, frame: Int, _ clientHelloRecord: Int?, _ serverHelloRecord: Int?, _ tls: TLSConnection
    ) -> Bool {
        guard let serverHelloRecord, let serverHelloFrame = tls.serverHelloFrame else { return false }
        switch direction {
        case .serverToClient: return index > serverHelloRecord
        case .clientToServer: return index > (clientHelloRecord ?? -1) && frame >= serverHelloFrame
        }
    }

    /// The first handshake message of `type` in a direction's leading handshake
    /// records (a message may span records, and records segments), its bytes, and the
    /// index of the record that completes it.
    private static func firstHello<Hello>(
        _ records: [TLSRecord], in bytes: UnsafeRawBufferPointer, type: UInt8, parse: ([UInt8]) -> Hello?
    ) -> (hello: Hello?, message: [UInt8], record: Int?) {
        var handshake: [UInt8] = []
        for (index, record) in records.enumerated() {
            guard record.type == .handshake else { break }
            handshake += UnsafeRawBufferPointer(rebasing: bytes[record.fragment])
            guard handshake.count >= 4 else { continue }
            let length = Int(handshake[1]) << 16 | Int(handshake[2]) << 8 | Int(handshake[3])
            guard handshake.count >= 4 + length else { continue }
            guard handshake[0] == type else { return (nil, [], nil) }
            let message = Array(handshake[0..<(4 + length)])
            return (parse(Array(message[4...])), message, index)
        }
        return (nil, [], nil)
    }
}
