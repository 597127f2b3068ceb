// MARK: - The report's model: what `setlist capture analyze` prints, and `--json` writes

/// Everything read from one capture. Times are seconds since the capture's first
/// packet, as Wireshark shows them.
package struct CaptureReport: Codable, Sendable, Equatable {
    package var file: FileSummary
    package var connections: [ConnectionReport]
    /// Packets that are not TCP over IP, or could not be dissected.
    package var otherPackets: OtherPackets
    /// Why reading stopped before the end of the file, with the byte offset.
    package var damage: String?
    package var damageOffset: Int?
}

package struct FileSummary: Codable, Sendable, Equatable {
    package var path: String
    package var format: String
    package var sections: Int
    package var interfaces: [InterfaceSummary]
    package var packets: Int
    /// ISO 8601 UTC time of the first packet.
    package var firstPacketTime: String?
    package var durationSeconds: Double
    /// Comments of the file's sections and interfaces, then of packets (`#N: text`).
    package var comments: [String]
    package var decryptionSecrets: [SecretsSummary]
}

package struct InterfaceSummary: Codable, Sendable, Equatable {
    package var index: Int
    package var link: String
    package var name: String?
    package var timestampResolution: String
    package var timestampOffsetSeconds: Int64
}

package struct SecretsSummary: Codable, Sendable, Equatable {
    package var type: String
    package var bytes: Int
    package var offset: Int
}

package struct OtherPackets: Codable, Sendable, Equatable {
    package var notTCP: Int
    package var fragments: Int
    package var undecodable: Int
}

package struct ConnectionReport: Codable, Sendable, Equatable {
    package var index: Int
    package var client: String
    package var server: String
    package var firstFrame: Int
    package var lastFrame: Int
    package var packets: Int
    package var startSeconds: Double
    package var durationSeconds: Double
    package var bytesToServer: Int
    package var bytesToClient: Int
    package var layers: Layers
    /// SYN, SYN-ACK, ACK, with sequence numbers relative to each side's first.
    package var handshake: [PacketReport]
    /// FIN and RST packets.
    package var closing: [PacketReport]
    package var tcpNotes: [String]
    package var tls: TLSReport?
    package var http: [HTTPReport]
    package var jsonrpc: [RPCReport]
    package var notes: [String]
}

package struct Layers: Codable, Sendable, Equatable {
    package var link: String
    package var network: String
    package var transport: String
    package var application: String
}

package struct PacketReport: Codable, Sendable, Equatable {
    package var frame: Int
    package var time: Double?
    package var direction: String
    package var flags: String
    package var sequence: UInt32
    package var acknowledgment: UInt32
    package var window: UInt16
    package var length: Int
}

package struct TLSReport: Codable, Sendable, Equatable {
    package var clientHelloFrame: Int?
    package var serverName: String?
    package var offeredVersions: [String]
    package var cipherSuites: [String]
    package var groups: [String]
    package var keyShares: [String]
    package var alpn: [String]
    package var clientRandom: String?
    package var serverHelloFrame: Int?
    package var helloRetryRequest: Bool
    package var version: String?
    package var cipherSuite: String?
    package var group: String?
    package var serverALPN: String?
    package var serverRandom: String?
    package var changeCipherSpecFrames: [Int]
    package var applicationDataToServer: Int
    package var applicationDataToClient: Int
    package var alerts: [String]
    package var decrypted: Bool
    /// Whether a key log named this session: records that then do not open are failures, not a lack of keys.
    package var keysFound: Bool
    package var decryptedRecords: Int
    package var undecryptedRecords: Int
}

package struct HTTPReport: Codable, Sendable, Equatable {
    package var frame: Int
    package var lastFrame: Int
    package var time: Double?
    package var direction: String
    package var startLine: String
    /// The headers that matter to MCP (content type and length, transfer coding,
    /// `Mcp-Session-Id`, `MCP-Protocol-Version`, `Authorization`, `Accept`), as sent
    /// but with secrets masked.
    package var headers: [Header]
    package var bodyBytes: Int
    package var complete: Bool
    /// The HTTP response's delay after its request, in milliseconds.
    package var latencyMilliseconds: Double?

    package struct Header: Codable, Sendable, Equatable {
        package var name: String
        package var value: String
    }
}

package struct RPCReport: Codable, Sendable, Equatable {
    package var frame: Int
    package var time: Double?
    package var direction: String
    package var kind: String
    package var method: String?
    package var id: String?
    /// "JSON body" or "SSE event".
    package var carrier: String
    /// The message's params, result or error as JSON, masked and clipped.
    package var summary: String
    package var errorCode: Int?
    /// The frame of the request this answers, or of the response that answers it.
    package var pairedFrame: Int?
    package var latencyMilliseconds: Double?
    package var flags: [String]
}
