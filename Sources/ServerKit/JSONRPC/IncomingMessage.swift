import MCP

/// One message from a client, read the way JSON-RPC 2.0 and MCP define it.
enum IncomingMessage: Sendable {
    /// A request: it is owed exactly one answer with its id.
    case request(id: RequestID, method: String, params: [String: Value])
    /// A notification: nothing is owed.
    case notification(method: String, params: [String: Value])
    /// `notifications/cancelled`: the client no longer wants the request with this id.
    case cancellation(RequestID)
    /// The client's answer to a request the server sent it.
    case response(id: RequestID, result: Result<Value, JSONRPCError>)
    /// Something that is not a valid message: it is owed an error, with its id if
    /// one could be read (else `null`).
    case invalid(id: RequestID?, JSONRPCError)
    /// A malformed answer: an answer is never answered, so it is logged and dropped.
    case dropped(reason: String)

    /// Reads one message: an element of a batch, or the whole body.
    ///
    /// - Parameters:
    ///   - idText: the JSON text of a numeric `id`.
    ///   - requestIDText: the JSON text of a numeric `params.requestId`.
    init(_ value: Value, idText: String?, requestIDText: String? = nil) {
        guard case .object(let members) = value else {
            self = .invalid(id: nil, .invalidRequest("a message must be a JSON object"))
            return
        }
        let rawID = members["id"]
        let id = rawID.flatMap { RequestID($0, text: idText) }
        if let version = members["jsonrpc"], version != .string("2.0") {
            self = .invalid(id: id, .invalidRequest(#"jsonrpc must be "2.0""#))
            return
        }
        let hasResult = members["result"] != nil
        let hasError = members["error"] != nil
        guard let method = members["method"] else {
            self = Self.answer(id: id, rawID: rawID, members: members, hasResult: hasResult, hasError: hasError)
            return
        }
        guard case .string(let name) = method else {
            self = .invalid(id: id, .invalidRequest("method must be a string"))
            return
        }
        if hasResult || hasError {
            let why = "a message holds either a method (a request or notification) or a result or error (an answer), not both"
            self = .invalid(id: id, .invalidRequest(why))
            return
        }
        guard let rawID else {
            switch members["params"] {
            case nil, .null?: self = .notification(method: name, params: [:])
            case .object(let params)?:
                if name == CancelledNotification.name, let requested = params["requestId"],
                    let cancelled = RequestID(requested, text: requestIDText)
                {
                    self = .cancellation(cancelled)
                } else {
                    self = .notification(method: name, params: params)
                }
            case let other?: self = .invalid(id: nil, .invalidRequest("params must be an object, not \(other.summary)"))
            }
            return
        }
        guard let id, id.isStringOrInteger else {
            self = .invalid(id: id, .invalidRequest("id must be a string or an integer, not \(rawID.summary)"))
            return
        }
        switch members["params"] {
        case nil, .null?: self = .request(id: id, method: name, params: [:])
        case .object(let params)?: self = .request(id: id, method: name, params: params)
        case .array?: self = .invalid(id: id, .invalidParams("params must be an object of named parameters, not an array"))
        case let other?: self = .invalid(id: id, .invalidRequest("params must be an object, not \(other.summary)"))
        }
    }

    private static func answer(
        id: RequestID?, rawID: Value?, members: [String: Value], hasResult: Bool, hasError: Bool
    ) -> IncomingMessage {
        guard hasResult || hasError else {
            return .invalid(id: id, .invalidRequest("a message needs a method (a request or notification) or a result or error (an answer)"))
        }
        guard let id else { return .dropped(reason: "an answer without a string or integer id") }
        guard hasResult != hasError else { return .dropped(reason: "an answer with both result and error") }
        if let result = members["result"] { return .response(id: id, result: .success(result)) }
        let error = members["error"]?.objectValue
        let code = error?["code"]?.integralValue ?? -32603
        let message = error?["message"]?.plainString ?? "the client answered with an error"
        return .response(id: id, result: .failure(JSONRPCError(code: code, message: message)))
    }
}

/// A message body as it arrived: one message, a batch of them, or bytes that are not JSON.
enum IncomingBody: Sendable {
    case single(IncomingMessage)
    case batch([IncomingMessage])
    /// Not JSON. The id is `null` unless it could still be read (the text is JSON but
    /// for ill-formed UTF-8, a lone surrogate or a number beyond a `Double`).
    case unreadable(id: RequestID?, JSONRPCError)

    /// The most messages one batch may hold.
    static let maximumBatch = 100

    init(_ bytes: UnsafeRawBufferPointer) {
        let body: JSONParser.MessageBody
        do {
            body = try JSONParser.parseMessageBody(bytes)
        } catch {
            self = .unreadable(id: Self.salvagedID(bytes), .parseError(error.description))
            return
        }
        switch body.value {
        case .array(let elements):
            guard !elements.isEmpty else {
                self = .single(.invalid(id: nil, .invalidRequest("an empty batch holds no message")))
                return
            }
            guard elements.count <= Self.maximumBatch else {
                self = .single(
                    .invalid(id: nil, .invalidRequest("a batch holds at most \(Self.maximumBatch) messages; send more batches")))
                return
            }
            self = .batch(
                elements.enumerated().map {
                    IncomingMessage($1, idText: body.numericIDs[$0], requestIDText: body.numericRequestIDs[$0])
                })
        default:
            self = .single(
                IncomingMessage(body.value, idText: body.numericIDs[0], requestIDText: body.numericRequestIDs[0]))
        }
    }

    /// The id of a single message whose text is JSON in all but its characters.
    private static func salvagedID(_ bytes: UnsafeRawBufferPointer) -> RequestID? {
        guard let body = try? JSONParser.parseMessageBody(bytes, lenient: true),
            case .object(let members) = body.value, let id = members["id"]
        else { return nil }
        return RequestID(id, text: body.numericIDs[0]).flatMap { $0.isStringOrInteger ? $0 : nil }
    }
}
