/// A JSON-RPC id as sent: numbers keep their text, so `1`, `1.0` and `"1"` differ.
enum RPCID: Hashable {
    case number(String)
    case string(String)
    case null

    var description: String {
        switch self {
        case .number(let text): return text
        case .string(let text): return "\"\(text)\""
        case .null: return "null"
        }
    }
}

/// One JSON-RPC message found in an HTTP body or an SSE event.
struct RPCMessage {
    enum Kind: String {
        case request, notification, result, error
        /// JSON that is not a JSON-RPC message.
        case invalid
    }

    var kind: Kind
    var method: String?
    var id: RPCID?
    /// The params, result or error as the report shows it: masked (unless secrets are
    /// shown) and clipped, made while the body's bytes are at hand.
    var summary: String = ""
    var errorCode: Int?
    var problem: String?

    /// The messages of a body: one, or one per element of a batch; nil when it is not JSON.
    static func messages(in body: UnsafeRawBufferPointer, showSecrets: Bool) -> [RPCMessage]? {
        RPCScanner.messages(in: body)?.map { message($0, body: body, showSecrets: showSecrets) }
    }

    private static func message(_ members: RPCScanner.Members, body: UnsafeRawBufferPointer, showSecrets: Bool) -> RPCMessage {
        guard members.isObject else { return RPCMessage(kind: .invalid, problem: "not a JSON object") }
        var message = RPCMessage(kind: .invalid, method: members.method, id: members.id)
        if !members.isVersion2 { message.problem = "no \"jsonrpc\": \"2.0\"" }
        var shown: Range<Int>?
        if members.method != nil {
            message.kind = members.hasID ? .request : .notification
            shown = members.params
        } else if members.hasError {
            message.kind = .error
            message.errorCode = members.errorCode
            message.summary = RPCSummary.clip("\(members.errorCode.map(String.init) ?? "?") \(members.errorMessage ?? "")")
        } else if let result = members.result {
            message.kind = .result
            shown = result
        } else {
            message.problem = "neither a method nor a result or error"
        }
        if let shown { message.summary = RPCSummary.text(of: shown, in: body, masksSecrets: !showSecrets) }
        return message
    }
}
