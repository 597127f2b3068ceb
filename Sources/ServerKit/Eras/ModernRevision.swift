import MCP

/// The names and numbers of MCP revision 2026-07-28, the modern era: no `initialize`,
/// no sessions; each request carries its protocol version and the client's
/// capabilities in `_meta`, and `server/discover` says what a server supports.
///
/// Setlist's servers and its host both speak it, beside the handshake era
/// (2025-11-25 and before, `Version.supported`), so the names live here once.
package enum ModernRevision {
    /// The modern revision Setlist speaks.
    package static let version = "2026-07-28"
    /// The handshake-era revisions Setlist speaks.
    package static let handshakeVersions = Version.supported

    /// The modern era's opening request.
    package static let discover = "server/discover"

    /// The `_meta` keys of a modern request and result.
    package enum MetaKey {
        package static let protocolVersion = "io.modelcontextprotocol/protocolVersion"
        package static let clientCapabilities = "io.modelcontextprotocol/clientCapabilities"
        package static let clientInfo = "io.modelcontextprotocol/clientInfo"
        package static let logLevel = "io.modelcontextprotocol/logLevel"
        package static let serverInfo = "io.modelcontextprotocol/serverInfo"
    }

    /// The JSON-RPC errors only a modern server sends.
    package enum ErrorCode {
        /// An HTTP header differs from the body it travels with.
        package static let headerMismatch = -32020
        /// The request needs a capability the client did not declare.
        package static let missingRequiredClientCapability = -32021
        /// A protocol version the server does not speak; `data` lists those it does.
        package static let unsupportedProtocolVersion = -32022
    }

    /// The HTTP headers that mirror a modern request's body, for gateways that route
    /// without reading JSON.
    package enum Header {
        package static let protocolVersion = "MCP-Protocol-Version"
        package static let method = "Mcp-Method"
        package static let name = "Mcp-Name"
    }

    /// The parameter that names what a request acts on, which `Mcp-Name` mirrors:
    /// the tool or prompt of `tools/call` and `prompts/get`, the URI of `resources/read`.
    package static func namedParameter(of method: String) -> String? {
        switch method {
        case "tools/call", "prompts/get": "name"
        case "resources/read": "uri"
        default: nil
        }
    }

    /// Whether a header value names a handshake-era revision (or none): such a request
    /// is served as it was before the modern era.
    package static func isHandshakeEra(headerVersion: String?) -> Bool {
        guard let headerVersion else { return true }
        return handshakeVersions.contains(headerVersion)
    }
}
