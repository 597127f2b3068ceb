import MCP
import ServerKit

/// The JSON-RPC pieces every connection writes and reads the same way, whatever
/// carries them: the openings of both eras, the `_meta` a request carries, the progress
/// a server reports, and the outcome an answer holds.
enum ClientMessages {
    // MARK: - Openings

    /// The modern era's opening: what the server supports, asked with the modern `_meta`.
    static let discover = ModernRevision.discover

    /// `initialize`'s params: the latest handshake-era version, Setlist as the client.
    static let initializeParams: [String: Value] = [
        "protocolVersion": .string(Version.latest), "capabilities": .object([:]), "clientInfo": clientInfo,
    ]

    static let clientInfo: Value = .object(["name": "setlist", "version": .string(SetlistVersion.current)])

    /// The version `initialize`'s result agrees to.
    static func agreedVersion(in result: Value, server: String) throws -> String {
        guard let version = result.objectValue?["protocolVersion"]?.stringValue else {
            throw ConnectionError.malformed(server: server, reason: "the answer to initialize names no protocolVersion")
        }
        return version
    }

    // MARK: - Request metadata

    /// A request's params with the `_meta` it needs: in the modern era the protocol
    /// version, the client's capabilities (it declares none) and who it is, on every
    /// request since the server keeps no session; in both eras the progress token, when
    /// progress is wanted. Keys the params already hold in `_meta` are kept.
    static func params(_ params: [String: Value], era: ProtocolEra?, progressToken: String?) -> [String: Value] {
        var meta = params["_meta"]?.objectValue ?? [:]
        if era == .modern {
            meta[ModernRevision.MetaKey.protocolVersion] = .string(ProtocolEra.modernVersion)
            meta[ModernRevision.MetaKey.clientCapabilities] = .object([:])
            meta[ModernRevision.MetaKey.clientInfo] = clientInfo
        }
        if let progressToken { meta["progressToken"] = .string(progressToken) }
        var params = params
        if !meta.isEmpty { params["_meta"] = .object(meta) }
        return params
    }

    // MARK: - Reading

    /// The progress a `notifications/progress` message reports, with its token; `nil`
    /// for any other message.
    static func progress(in message: [String: Value]) -> (token: String?, progress: CallProgress)? {
        guard case .string("notifications/progress")? = message["method"], case .object(let params)? = message["params"] else {
            return nil
        }
        let progress = CallProgress(
            progress: params["progress"]?.numericValue ?? 0, total: params["total"]?.numericValue,
            message: params["message"]?.stringValue)
        return (params["progressToken"]?.stringValue, progress)
    }

    /// What an answer holds: its result, or why there is none; `nil` when the message
    /// is not an answer. A result whose `resultType` is other than `complete` (absent
    /// means complete) is not one Setlist can use.
    static func outcome(of message: [String: Value], server: String) -> Result<Value, ConnectionError>? {
        if let result = message["result"] {
            if let type = result.objectValue?["resultType"]?.stringValue, type != "complete" {
                return .failure(.unfinished(server: server, resultType: type))
            }
            return .success(result)
        }
        guard case .object(let error)? = message["error"] else { return nil }
        let code = error["code"]?.intValue ?? 0
        if code == ModernRevision.ErrorCode.unsupportedProtocolVersion {
            let supported = error["data"]?.objectValue?["supported"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .failure(.unsupportedVersion(server: server, supported: supported))
        }
        return .failure(.rejected(server: server, code: code, message: error["message"]?.stringValue ?? "no message"))
    }

    // MARK: - Modern errors

    /// The JSON-RPC errors only a modern server sends: `HeaderMismatch`,
    /// `MissingRequiredClientCapability`, `UnsupportedProtocolVersion`. They say the
    /// server is of the modern era, whatever else they say.
    static let modernErrorCodes: Set<Int> = [
        ModernRevision.ErrorCode.headerMismatch, ModernRevision.ErrorCode.missingRequiredClientCapability,
        ModernRevision.ErrorCode.unsupportedProtocolVersion,
    ]
}
