// MARK: - The seam for decrypting captured TLS

/// Which way a record travels.
package enum TLSDirection: String, Sendable, Codable {
    case clientToServer = "client to server"
    case serverToClient = "server to client"
}

/// What the two hellos settled, which a decryptor needs to find the session's secrets
/// (by client random in a key log) and derive its keys.
package struct TLSSessionFacts: Sendable, Equatable {
    package var clientRandom: [UInt8]
    package var serverRandom: [UInt8]
    /// The chosen version (0x0304 for TLS 1.3).
    package var version: UInt16
    package var cipherSuite: UInt16
    /// The key-exchange group of TLS 1.3, when the ServerHello named one.
    package var group: UInt16?
    package var serverName: String?
    /// The ClientHello and ServerHello handshake messages, headers included: the start of the transcript.
    package var clientHelloMessage: [UInt8]
    package var serverHelloMessage: [UInt8]
}

/// One record's header as it was on the wire.
package struct TLSRecordHeader: Sendable, Equatable {
    package var contentType: UInt8
    package var version: UInt16
    package var length: Int
    package var direction: TLSDirection
    /// The frame that carried the record's last byte.
    package var frame: Int
}

/// Opens the protected records of one TLS connection.
///
/// It is fed every record after the ServerHello of both directions, in capture order,
/// change cipher spec included (so that it can follow TLS 1.2's switch to
/// protection). Application-data plaintext flows into the same HTTP and JSON-RPC
/// reading as a cleartext connection's bytes.
package protocol RecordDecryptor {
    /// The record opened, or nil when it cannot be (no keys, wrong keys, damage).
    mutating func open(_ header: TLSRecordHeader, fragment: UnsafeRawBufferPointer) -> OpenedRecord?
}

/// Makes a decryptor for a connection when secrets for it are known.
package protocol RecordDecryptorProvider {
    /// `secrets` are the capture's decryption secrets blocks (a pcapng key log, say),
    /// plus whatever the provider was given itself.
    func decryptor(for session: TLSSessionFacts, secrets: [DecryptionSecrets]) -> (any RecordDecryptor)?
}
