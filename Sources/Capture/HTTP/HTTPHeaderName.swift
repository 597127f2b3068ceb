/// The headers that matter to MCP, which the report shows and the framing reads:
/// content type and length, transfer coding, `Mcp-Session-Id`,
/// `MCP-Protocol-Version`, `Authorization`, `Accept`, `Host`, `Last-Event-ID`. Others
/// are skipped as bytes, without becoming strings.
enum HTTPHeaderName: UInt8 {
    case contentType, contentLength, transferEncoding, mcpSessionID, mcpProtocolVersion, authorization, accept, host, lastEventID

    /// Whether its value grants access: a bearer token, or a session id that lets
    /// whoever holds it act in the session.
    var holdsSecret: Bool { self == .authorization || self == .mcpSessionID }

    /// Its name, lowercased.
    var lowercased: StaticString {
        switch self {
        case .contentType: "content-type"
        case .contentLength: "content-length"
        case .transferEncoding: "transfer-encoding"
        case .mcpSessionID: "mcp-session-id"
        case .mcpProtocolVersion: "mcp-protocol-version"
        case .authorization: "authorization"
        case .accept: "accept"
        case .host: "host"
        case .lastEventID: "last-event-id"
        }
    }

    /// The header `name` (as sent, in any case) names; nil for one the report skips.
    init?(_ name: UnsafeRawBufferPointer) {
        // By raw value, not `allCases`, which would allocate an array each time.
        var raw: UInt8 = 0
        while let candidate = Self(rawValue: raw) {
            if Self.equalIgnoringASCIICase(name, candidate.lowercased) {
                self = candidate
                return
            }
            raw += 1
        }
        return nil
    }

    /// Whether `bytes` spell `lowercased` in any case of its ASCII letters.
    static func equalIgnoringASCIICase(_ bytes: some Collection<UInt8>, _ lowercased: StaticString) -> Bool {
        guard bytes.count == lowercased.utf8CodeUnitCount else { return false }
        return zip(UnsafeBufferPointer(start: lowercased.utf8Start, count: lowercased.utf8CodeUnitCount), bytes).allSatisfy {
            $0 == asciiLowercased($1)
        }
    }

    @inline(__always) static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
