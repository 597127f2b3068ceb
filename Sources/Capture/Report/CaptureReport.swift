// MARK: - The report's model: what `setlist capture analyze` prints, and `--json` writes

/// Everything read from one capture. Times are seconds since the capture's first
/// packet, as Wireshark shows them.
public struct CaptureReport: Codable, Sendable, Equatable {
    public var file: FileSummary
    public var connections: [ConnectionReport]
    /// Packets that are not TCP over IP, or could not be dissected.
    public var otherPackets: OtherPackets
    /// Why reading stopped before the end of the file, with the byte offset.
    public var damage: String?
    public var damageOffset: Int?
}

public struct FileSummary: Codable, Sendable, Equatable {
    public var path: String
    public var format: String
    public var sections: Int
    public var interfaces: [InterfaceSummary]
    public var packets: Int
    /// ISO 8601 UTC time of the first packet.
    public var firstPacketTime: String?
    public var durationSeconds: Double
    /// Comments of the file's sections and interfaces, then of packets (`#N: text`).
    public var comments: [String]
    public var decryptionSecrets: [SecretsSummary]
}

public struct InterfaceSummary: Codable, Sendable, Equatable {
    public var index: Int
    public var link: String
    public var name: String?
    public var timestampResolution: String
    public var timestampOffsetSeconds: Int64
}

public struct SecretsSummary: Codable, Sendable, Equatable {
    public var type: String
    public var bytes: Int
    public var offset: Int
}

public struct OtherPackets: Codable, Sendable, Equatable {
    public var notTCP: Int
    public var fragments: Int
    public var undecodable: Int
}

public struct ConnectionReport: Codable, Sendable, Equatable {
    public var index: Int
    public var client: String
    public var server: String
    public var firstFrame: Int
    public var lastFrame: Int
    public var packets: Int
    public var startSeconds: Double
    public var durationSeconds: Double
    public var bytesToServer: Int
    public var bytesToClient: Int
    public var layers: Layers
    /// SYN, SYN-ACK, ACK, with sequence numbers relative to each side's first.
    public var handshake: [PacketReport]
    /// FIN and RST packets.
    public var closing: [PacketReport]
    public var tcpNotes: [String]
    public var tls: TLSReport?
    public var http: [HTTPReport]
    public var jsonrpc: [RPCReport]
    public var notes: [String]
}

public struct Layers: Codable, Sendable, Equatable {
    public var link: String
    public var network: String
    public var transport: String
    public var application: String
}

public struct PacketReport: Codable, Sendable, Equatable {
    public var frame: Int
    public var time: Double?
    public var direction: String
    public var flags: String
    public var sequence: UInt32
    public var acknowledgment: UInt32
    public var window: UInt16
    public var length: Int
}

public struct TLSReport: Codable, Sendable, Equatable {
    public var clientHelloFrame: Int?
    public var serverName: String?
    public var offeredVersions: [String]
    public var cipherSuites: [String]
    public var groups: [String]
    public var keyShares: [String]
    public var alpn: [String]
    public var clientRandom: String?
    public var serverHelloFrame: Int?
    public var helloRetryRequest: Bool
    public var version: String?
    public var cipherSuite: String?
    public var group: String?
    public var serverALPN: String?
    public var serverRandom: String?
    public var changeCipherSpecFrames: [Int]
    public var applicationDataToServer: Int
    public var applicationDataToClient: Int
    public var alerts: [String]
    public var decrypted: Bool
    /// Whether a key log named this session: records that then do not open are failures, not a lack of keys.
    public var keysFound: Bool
    public var decryptedRecords: Int
    public var undecryptedRecords: Int
}

public struct HTTPReport: Codable, Sendable, Equatable {
    public var frame: Int
    public var lastFrame: Int
    public var time: Double?
    public var direction: String
    public var startLine: String
    /// The headers that matter to MCP (content type and length, transfer coding,
    /// `Mcp-Session-Id`, `MCP-Protocol-Version`, `Authorization`, `Accept`), as sent
    /// but with secrets masked.
    public var headers: [Header]
    public var bodyBytes: Int
    public var complete: Bool
    /// The HTTP response's delay after its request, in milliseconds.
    public var latencyMilliseconds: Double?

    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
    }
}

public struct RPCReport: Codable, Sendable, Equatable {
    public var frame: Int
    public var time: Double?
    public var direction: String
    public var kind: String
    public var method: String?
    public var id: String?
    /// "JSON body" or "SSE event".
    public var carrier: String
    /// The message's params, result or error as JSON, masked and clipped.
    public var summary: String
    public var errorCode: Int?
    /// The frame of the request this answers, or of the response that answers it.
    public var pairedFrame: Int?
    public var latencyMilliseconds: Double?
    public var flags: [String]
}
