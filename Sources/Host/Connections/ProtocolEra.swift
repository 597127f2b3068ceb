import MCP
import ServerKit

/// The two ways MCP servers are spoken to. Servers of revision 2026-07-28 and later are
/// of the modern era: no handshake, each request carries its protocol version and the
/// client's capabilities in `_meta`, and `server/discover` says what the server supports.
/// Servers of 2025-11-25 and earlier are of the handshake era: `initialize` first, then
/// a session. Setlist's host speaks both, and learns which one each server speaks.
public enum ProtocolEra: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case modern
    case handshake

    /// The modern revision Setlist speaks.
    public static let modernVersion = ModernRevision.version
    /// The handshake-era revisions Setlist speaks.
    public static let handshakeVersions = ModernRevision.handshakeVersions

    public var description: String { "\(rawValue) era" }
}
