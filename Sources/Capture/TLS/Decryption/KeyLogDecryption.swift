// MARK: - Decryption with key logs

/// Opens captured TLS with an NSS key log: the file a user gives (`--keylog`), merged
/// with any the capture carries itself (pcapng Decryption Secrets Blocks). A session
/// whose client random the logs do not name stays encrypted, and says so.
public struct KeyLogDecryption: RecordDecryptorProvider, Sendable {
    let keyLog: KeyLog

    /// Only the capture's own key logs.
    public init() {
        keyLog = KeyLog()
    }

    /// A key log's text (SSLKEYLOGFILE format) besides the capture's own.
    public init(keyLogText: String) {
        keyLog = KeyLog(text: keyLogText)
    }

    /// Lines of the given key log that could not be used, with their numbers.
    public var problems: [String] {
        keyLog.problems.map(\.description)
    }

    public func decryptor(for session: TLSSessionFacts, secrets: [DecryptionSecrets]) -> (any RecordDecryptor)? {
        var log = keyLog
        for block in secrets {
            if let carried = KeyLog(decryptionSecretsType: block.type, data: block.data) { log.merge(carried) }
        }
        guard let found = log.secrets(forClientRandom: session.clientRandom) else { return nil }
        return ConnectionDecryptor(
            toServer: DirectionDecryptor(facts: session, direction: .clientToServer, secrets: found),
            toClient: DirectionDecryptor(facts: session, direction: .serverToClient, secrets: found))
    }
}

/// Both directions of one connection, each with its own keys and sequence numbers.
struct ConnectionDecryptor: RecordDecryptor {
    var toServer: DirectionDecryptor
    var toClient: DirectionDecryptor

    mutating func open(_ header: TLSRecordHeader, fragment: UnsafeRawBufferPointer) -> DecryptedRecord? {
        let result =
            header.direction == .clientToServer
            ? toServer.decrypt(contentType: header.contentType, legacyVersion: header.version, payload: fragment)
            : toClient.decrypt(contentType: header.contentType, legacyVersion: header.version, payload: fragment)
        guard case .success(let opened) = result else { return nil }
        return DecryptedRecord(contentType: opened.contentType, plaintext: opened.plaintext, wasProtected: opened.protection != .cleartext)
    }
}

extension TLSSessionFacts {
    /// The facts decryption needs, without the rest the capture reader records.
    init(version: UInt16, cipherSuite: UInt16, clientRandom: [UInt8], serverRandom: [UInt8]) {
        self.init(
            clientRandom: clientRandom, serverRandom: serverRandom, version: version, cipherSuite: cipherSuite, group: nil,
            serverName: nil, clientHelloMessage: [], serverHelloMessage: [])
    }
}
