import Foundation
import MCP
import Synchronization

/// The one place that reads what a client sent and decides what it gets.
///
/// Transports (stdio, stateless and stateful HTTP) only move bytes: they hand each
/// body to ``receive(_:in:reply:)`` and send on what `reply` is given. Every request,
/// alone or in a batch, valid or not, is answered exactly once and with its own id,
/// unless the client cancels it; notifications and the client's answers are never
/// answered. What was wrong with a message goes back to the client that sent it; the
/// log notes it only at debug level, so a client sending junk cannot flood it.
struct MessageRouter: Sendable {
    let service: MCPService

    /// Reads one body and starts what it asks for.
    ///
    /// Synchronous up to the point where work starts, so that a transport that hands
    /// bodies over in order has them registered in order: a cancellation always finds
    /// the request that came before it.
    ///
    /// - Returns: what is owed. Unless nothing is, `reply` is called exactly once: with
    ///   the answer, or with `nil` when the client cancelled the request meanwhile.
    @discardableResult
    func receive(
        _ body: UnsafeRawBufferPointer, in session: ServerSession, reply: @escaping @Sendable (Data?) -> Void
    ) -> Owed {
        session.owe()
        let settling: @Sendable (Data?) -> Void = { answer in
            reply(answer)
            session.settle()
        }
        let owed: Owed
        switch IncomingBody(body) {
        case .unreadable(let id, let error):
            session.logger.debug("Answered a message that is not JSON", metadata: ["bytes": "\(body.count)", "error": "\(error.message)"])
            settling(OutgoingMessage.error(id: id, error))
            owed = .refusal
        case .single(.invalid(let id, let error)):
            _ = handle(.invalid(id: id, error), in: session, reply: settling)
            owed = .refusal
        case .single(let message):
            owed = handle(message, in: session, reply: settling) ? .answer : .nothing
        case .batch where session.modernHeaders != nil:
            settling(
                OutgoingMessage.error(
                    id: nil, .invalidRequest("a POST of revision \(ModernRevision.version) carries one request or notification, not a batch")))
            owed = .refusal
        case .batch(let messages):
            owed = handle(batch: messages, in: session, reply: settling) ? .answer : .nothing
        }
        if owed == .nothing { session.settle() }
        return owed
    }

    /// What a body is owed.
    enum Owed: Equatable {
        /// Notifications and answers only.
        case nothing
        /// An answer, or a batch of them.
        case answer
        /// An error, because the body is not a message (HTTP sends it with 400).
        case refusal
    }

    // MARK: - Messages

    private func handle(_ message: IncomingMessage, in session: ServerSession, reply: @escaping @Sendable (Data?) -> Void) -> Bool {
        switch message {
        case .request(let id, let method, let params):
            answer(id: id, method: method, params: params, in: session, reply: reply)
            return true
        case .invalid(let id, let error):
            session.logger.debug("Refused an invalid message", metadata: ["error": "\(error.message)"])
            reply(OutgoingMessage.error(id: id, error))
            return true
        case .notification(let method, let params):
            notice(method, params: params, in: session)
            return false
        case .cancellation(let id):
            session.cancel(id)
            return false
        case .response(let id, let result):
            if !session.resolve(id, with: result.mapError { ClientRequestError.rejected(code: $0.code, message: $0.message) }) {
                session.logger.debug("Dropped an answer to no request of the server's", metadata: ["id": "\(id)"])
            }
            return false
        case .dropped(let reason):
            session.logger.debug("Dropped a malformed answer", metadata: ["reason": "\(reason)"])
            return false
        }
    }

    /// Handles each message of a batch in order; the answers go back together, in the
    /// order of their requests, once the last is ready.
    private func handle(batch messages: [IncomingMessage], in session: ServerSession, reply: @escaping @Sendable (Data?) -> Void) -> Bool {
        let answers = BatchAnswers(count: messages.count, reply: reply)
        var owed = 0
        for (position, message) in messages.enumerated() {
            if handle(message, in: session, reply: { answers.set(position, $0) }) {
                owed += 1
            } else {
                answers.set(position, nil)
            }
        }
        guard owed > 0 else { return false }
        answers.release()
        return true
    }

    // MARK: - Requests

    private func answer(
        id: RequestID, method: String, params: [String: Value], in session: ServerSession,
        reply: @escaping @Sendable (Data?) -> Void
    ) {
        // tools/call checks as it starts its work; the others finish at once.
        guard method == CallTool.name || !session.isWorking(on: id) else {
            return reply(OutgoingMessage.error(id: id, Self.idInUse(id)))
        }
        let modern: Bool
        switch ModernRequest.era(method: method, params: params, mirroredBy: session.modernHeaders) {
        case .handshake: modern = false
        case .modern: modern = true
        case .refused(let error): return reply(OutgoingMessage.error(id: id, error))
        }
        // The handshake era (2025-11-25 and before) starts with `initialize` and keeps
        // `ping`. The modern era (2026-07-28) remembers nothing between requests:
        // `server/discover` says what the server supports, and results carry the era's
        // members (``ModernResults``).
        switch method {
        case Initialize.name where !modern:
            reply(service.initializeAnswer(id: id, params: params, in: session))
        case Ping.name where !modern:
            reply(OutgoingMessage.result(id: id, json: "{}".utf8))
        case ModernRevision.discover where modern:
            reply(OutgoingMessage.result(id: id, json: service.discoverJSON))
        case ListTools.name:
            reply(OutgoingMessage.result(id: id, json: modern ? service.modernToolsListJSON : service.toolsListJSON))
        case CallTool.name:
            callTool(id: id, params: params, in: session, modern: modern, reply: reply)
        case ListPrompts.name:
            reply(OutgoingMessage.result(id: id, json: modern ? service.modernPromptsListJSON : service.promptsListJSON))
        case GetPrompt.name:
            getPrompt(id: id, params: params, in: session, modern: modern, reply: reply)
        case ListResources.name, ReadResource.name, ListResourceTemplates.name:
            resources(method, id: id, params: params, in: session, modern: modern, reply: reply)
        default:
            reply(OutgoingMessage.error(id: id, .methodNotFound(method)))
        }
    }

    /// A result message, with the modern era's members when the request was modern.
    private func result(id: RequestID, json: some Sequence<UInt8>, method: String, modern: Bool) -> Data {
        guard modern else { return OutgoingMessage.result(id: id, json: json) }
        return OutgoingMessage.result(id: id, json: service.modernResults.stamped(json: json, method: method))
    }

    private func callTool(
        id: RequestID, params: [String: Value], in session: ServerSession, modern: Bool, reply: @escaping @Sendable (Data?) -> Void
    ) {
        guard case .string(let name)? = params["name"] else {
            return reply(OutgoingMessage.error(id: id, .invalidParams("tools/call needs params.name, the name of a tool")))
        }
        let arguments: [String: Value]?
        switch params["arguments"] {
        case nil, .null?: arguments = nil
        case .object(let object)?: arguments = object
        case let other?:
            return reply(OutgoingMessage.error(id: id, .invalidParams("params.arguments must be an object, not \(other.summary)")))
        }
        guard let tool = service.tool(named: name) else {
            return reply(OutgoingMessage.error(id: id, service.unknownTool(name)))
        }
        let progress = Self.progress(params, in: session)
        let results = modern ? service.modernResults : nil
        startWork(id: id, name: name, in: session, reportsProgress: progress != nil, reply: reply) {
            let result = try await RequestEra.$current.withValue(modern ? .modern : .handshake) {
                await ToolProgress.$current.withValue(progress) { await tool.call(arguments: arguments) }
            }.jsonValue()
            return OutgoingMessage.result(id: id, json: results?.stampedData(result, method: CallTool.name) ?? JSONWriter.data(result))
        }
    }

    /// Where a request's progress goes: its `_meta.progressToken`, on a connection that
    /// can carry notifications.
    private static func progress(_ params: [String: Value], in session: ServerSession) -> ToolProgress? {
        guard session.canReachClient, case .object(let meta)? = params["_meta"], let token = meta["progressToken"] else {
            return nil
        }
        switch token {
        case .string, .int, .double:
            return ToolProgress(token: token) { params in session.notify("notifications/progress", params: params) }
        default:
            return nil
        }
    }

    /// Runs a request's work as a tool call's: cancellable by the client, bounded per
    /// connection, and answered with an error when the session ends first.
    private func startWork(
        id: RequestID, name: String, in session: ServerSession, reportsProgress: Bool = false, reply: @escaping @Sendable (Data?) -> Void,
        _ work: @escaping @Sendable () async throws -> Data
    ) {
        let started = session.startWork(
            for: id, reportsProgress: reportsProgress,
            {
                do {
                    let answer = try await work()
                    guard !Task.isCancelled else {
                        // Cancelled by the session's end: the client still gets an answer.
                        return OutgoingMessage.error(
                            id: id, .internalError("the server ended this session before \(name) finished; send the request again"))
                    }
                    return answer
                } catch let error as JSONRPCError {
                    return OutgoingMessage.error(id: id, error)
                } catch {
                    return OutgoingMessage.error(id: id, .internalError("\(name) failed: \(error.toolMessage)"))
                }
            }, reply: reply)
        switch started {
        case .started: break
        case .idInUse: reply(OutgoingMessage.error(id: id, Self.idInUse(id)))
        case .busy:
            reply(
                OutgoingMessage.error(
                    id: id,
                    JSONRPCError(
                        code: -32000,
                        message: "Server busy: \(ServerSession.maximumWorking) requests are in progress on this connection; "
                            + "wait for one to finish and send the request again")))
        case .closed:
            reply(OutgoingMessage.error(id: id, .internalError("this session has ended; initialize a new one")))
        }
    }

    // MARK: - Prompts and resources

    private func getPrompt(
        id: RequestID, params: [String: Value], in session: ServerSession, modern: Bool, reply: @escaping @Sendable (Data?) -> Void
    ) {
        guard case .string(let name)? = params["name"] else {
            return reply(OutgoingMessage.error(id: id, .invalidParams("prompts/get needs params.name, the name of a prompt")))
        }
        guard let prompt = service.prompt(named: name) else {
            let names = service.prompts.map(\.name).joined(separator: ", ")
            return reply(OutgoingMessage.error(id: id, .invalidParams("Unknown prompt: \(name.clipped(to: 100)). Available prompts: \(names).")))
        }
        var arguments: [String: String] = [:]
        if case .object(let given)? = params["arguments"] {
            for (key, value) in given {
                guard case .string(let text) = value else {
                    return reply(OutgoingMessage.error(id: id, .invalidParams("prompt argument \(key.clipped(to: 100)) must be a string")))
                }
                arguments[key] = text
            }
        }
        let missing = prompt.missingArguments(in: arguments)
        guard missing.isEmpty else {
            return reply(OutgoingMessage.error(id: id, .invalidParams("prompt \(name) needs \(missing.joined(separator: ", "))")))
        }
        let given = arguments
        startWork(id: id, name: name, in: session, reply: reply) {
            let result: GetPrompt.Result
            do {
                result = try await prompt.render(given)
            } catch {
                throw JSONRPCError.invalidParams(error.toolMessage)
            }
            return self.result(id: id, json: MCPService.encoded(result), method: GetPrompt.name, modern: modern)
        }
    }

    private func resources(
        _ method: String, id: RequestID, params: [String: Value], in session: ServerSession, modern: Bool,
        reply: @escaping @Sendable (Data?) -> Void
    ) {
        guard let resources = service.resources else {
            return reply(OutgoingMessage.error(id: id, .methodNotFound(method)))
        }
        switch method {
        case ListResourceTemplates.name:
            reply(result(id: id, json: #"{"resourceTemplates":[]}"#.utf8, method: method, modern: modern))
        case ListResources.name:
            startWork(id: id, name: method, in: session, reply: reply) {
                self.result(
                    id: id, json: MCPService.encoded(ListResources.Result(resources: try await resources.list())), method: method,
                    modern: modern)
            }
        default:
            guard case .string(let uri)? = params["uri"] else {
                return reply(OutgoingMessage.error(id: id, .invalidParams("resources/read needs params.uri")))
            }
            startWork(id: id, name: method, in: session, reply: reply) {
                do {
                    return self.result(
                        id: id, json: MCPService.encoded(ReadResource.Result(contents: try await resources.read(uri))), method: method,
                        modern: modern)
                } catch let missing as ResourceNotFound {
                    throw JSONRPCError.resourceNotFound(missing.uri)
                }
            }
        }
    }

    private static func idInUse(_ id: RequestID) -> JSONRPCError {
        .invalidRequest("id \(id) belongs to a request still in progress; use a new id")
    }

    // MARK: - Notifications

    private func notice(_ method: String, params: [String: Value], in session: ServerSession) {
        switch method {
        case InitializedNotification.name:
            guard session.canReachClient, let onInitialized = service.onInitialized else { return }
            let connection = ClientConnection(session: session)
            session.runHook(once: true) { await onInitialized(connection) }
        case RootsListChangedNotification.name:
            guard session.canReachClient, let onRootsChanged = service.onRootsChanged else { return }
            let connection = ClientConnection(session: session)
            session.runHook { await onRootsChanged(connection) }
        default:
            session.logger.debug("Ignored a notification", metadata: ["method": "\(method.clipped(to: 100))"])
        }
    }
}

/// The answers to one batch, gathered in order until every message has been dealt with.
private final class BatchAnswers: Sendable {
    private let reply: @Sendable (Data?) -> Void
    private let state: Mutex<(answers: [Data?], pending: Int)>

    /// - Parameter count: the batch's messages; one more is held until ``release()``.
    init(count: Int, reply: @escaping @Sendable (Data?) -> Void) {
        self.reply = reply
        state = Mutex((Array(repeating: nil, count: count), count + 1))
    }

    func set(_ position: Int, _ answer: Data?) {
        let done = state.withLock { state in
            state.answers[position] = answer
            state.pending -= 1
            return state.pending == 0 ? state.answers : nil
        }
        if let done { finish(done) }
    }

    /// Lets the answers go once the last message is dealt with.
    func release() {
        let done = state.withLock { state in
            state.pending -= 1
            return state.pending == 0 ? state.answers : nil
        }
        if let done { finish(done) }
    }

    private func finish(_ answers: [Data?]) {
        let written = answers.compactMap { $0 }
        reply(written.isEmpty ? nil : OutgoingMessage.batch(written))
    }
}
