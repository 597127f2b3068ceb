import MCP

/// What a modern request says of itself in `_meta`: the revision it speaks and the
/// client's capabilities, carried by every request since no session remembers them.
struct ModernRequest: Sendable, Equatable {
    var protocolVersion: String
    var clientCapabilities: [String: Value]

    /// The era a request belongs to, read from its `_meta` before anything else in it.
    enum Era: Equatable {
        /// No modern `_meta` (or `initialize`): served as the handshake era serves it.
        case handshake
        case modern(ModernRequest)
        /// A modern request that cannot be served, with the error that says why.
        case refused(JSONRPCError)
    }

    /// Reads a request's era.
    ///
    /// A request is modern when its `_meta` names a protocol version, or when it came
    /// where only modern requests go (`mirroredBy`: a POST whose `MCP-Protocol-Version`
    /// names a modern revision). A modern request is then checked in the revision's
    /// order: the `_meta` it must carry (-32602), the HTTP headers that mirror it
    /// (-32020), the version (-32022).
    static func era(method: String, params: [String: Value], mirroredBy headers: ModernHeaderValues?) -> Era {
        let meta = params["_meta"]?.objectValue
        guard headers != nil || (method != Initialize.name && meta?[ModernRevision.MetaKey.protocolVersion] != nil) else {
            return .handshake
        }
        if method == Initialize.name {
            return .refused(unsupported("initialize", requested: params["protocolVersion"]?.stringValue ?? Version.latest))
        }
        guard let meta, let version = meta[ModernRevision.MetaKey.protocolVersion],
            case .object(let capabilities)? = meta[ModernRevision.MetaKey.clientCapabilities]
        else {
            return .refused(
                .invalidParams(
                    "params._meta must carry \(ModernRevision.MetaKey.protocolVersion) and "
                        + "\(ModernRevision.MetaKey.clientCapabilities) (an object), as every request of revision "
                        + "\(ModernRevision.version) does"))
        }
        guard case .string(let requested) = version else {
            return .refused(.invalidParams("params._meta.\(ModernRevision.MetaKey.protocolVersion) must be a string"))
        }
        if let headers, let mismatch = headers.mismatch(method: method, params: params, protocolVersion: requested) {
            return .refused(JSONRPCError(code: ModernRevision.ErrorCode.headerMismatch, message: "Header mismatch: \(mismatch)"))
        }
        guard requested == ModernRevision.version else {
            return .refused(unsupported("protocol version \(requested.clipped(to: 40))", requested: requested))
        }
        return .modern(ModernRequest(protocolVersion: requested, clientCapabilities: capabilities))
    }

    /// `UnsupportedProtocolVersion`, listing the modern revision a client can retry with.
    private static func unsupported(_ what: String, requested: String) -> JSONRPCError {
        JSONRPCError(
            code: ModernRevision.ErrorCode.unsupportedProtocolVersion,
            message: "Unsupported protocol version: \(what) is not served here; use \(ModernRevision.version) in params._meta, "
                + "or the handshake era (initialize, without a modern MCP-Protocol-Version header)",
            data: .object([
                "supported": .array([.string(ModernRevision.version)]), "requested": .string(requested.clipped(to: 40)),
            ]))
    }
}
