import MCP
import ServerKit

/// The JSON-RPC pieces every connection writes and reads the same way, whatever
/// carries them: the handshake it opens with, the progress a server reports, and the
/// outcome an answer holds.
enum ClientMessages {
    /// `initialize`'s params: the latest handshake-era version, Setlist as the client.
    static let initializeParams: [String: Value] = [
        "protocolVersion": .string(Version.latest), "capabilities": .object([:]),
        "clientInfo": .object(["name": "setlist", "version": .string(SetlistVersion.current)]),
    ]

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

    /// What an answer holds: its result, or the server's refusal; `nil` when the message
    /// is not an answer.
    static func outcome(of message: [String: Value], server: String) -> Result<Value, ConnectionError>? {
        if let result = message["result"] { return .success(result) }
        guard case .object(let error)? = message["error"] else { return nil }
        return .failure(
            .rejected(server: server, code: error["code"]?.intValue ?? 0, message: error["message"]?.stringValue ?? "no message"))
    }
}
