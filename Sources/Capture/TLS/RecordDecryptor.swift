// MARK: - The seam for decrypting captured TLS

/// Which way a record travels.
public enum TLSDirection: String, Sendable, Codable {
    case clientToServer = "client to server"
    case serverToClient = "server to client"
}

/// What the two hellos settled, which a decryptor needs to find the session's secrets
/// (by client random in a key log) and derive its keys.
public struct TLSSessionFacts: Sendable, Equatable {
    public var clientRandom: [UInt8]
    public var serverRandom: [UInt8]
    /// The chosen version (0x0304 for TLS 1.3).
    public var version: UInt16
    public var cipherSuite: UInt16
    /// The key-exchange group of TLS 1.3, when the ServerHello named one.
    public var group: UInt16?
    public var serverName: String?
    /// The ClientHello and ServerHello handshake messages, headers included: the start of the transcript.
    public var clientHelloMessage: [UInt8]
    public var serverHelloMessage: [UInt8]
}

/// One record's header as it was on the wire.
public struct TLSRecordHeader: Sendable, Equatable {
    public var contentType: UInt8
    public var version: UInt16
    public var length: Int
    public var direction: TLSDirection
    /// The frame that carried the record's last byte.
    public var frame: Int
}

/// A record opened: its real content type (TLS 1.3 hides it inside) and plaintext.
public struct DecryptedRecord: Sendable, Equatable {
    public var contentType: UInt8
    public var plaintext: [UInt8]
    /// Whether keys opened it; a record sent in the clear after the hellos (TLS 1.2's
    /// key exchange) comes back as it was, and is not counted as decrypted.
    public var wasProtected: Bool

    public init(contentType: UInt8, plaintext: [UInt8], wasProtected: Bool = true) {
        self.contentType = contentType
        self.plaintext = plaintext
        self.wasProtected = wasProtected
    }
}

/// Opens the protected records of one TLS connection.
///
/// It is fed every record after the ServerHello of both directions, in capture order,
/// change cipher spec included (so that it can follow TLS 1.2's switch to
/// protection). Application-data plaintext flows into the same HTTP and JSON-RPC
/// reading as a cleartext connection's bytes.
public protocol RecordDecryptor {
    /// The record opened, or nil when it cannot be (no keys, wrong keys, damage).
    mutating func open(_ header: TLSRecordHeader, fragment: UnsafeRawBufferPointer) -> DecryptedRecord?
}

/// Makes a decryptor for a connection when secrets for it are known.
public protocol RecordDecryptorProvider {
    /// `secrets` are the capture's decryption secrets blocks (a pcapng key log, say),
    /// plus whatever the provider was given itself.
    func decryptor(for session: TLSSessionFacts, secrets: [DecryptionSecrets]) -> (any RecordDecryptor)?
}
