import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// A POST of the modern era (its `MCP-Protocol-Version` names a revision past the
/// handshake era): one request or notification, served on its own whatever the
/// server's `--stateful`, since the era keeps no sessions (an `Mcp-Session-Id` sent
/// with it is ignored, and none is given).
///
/// The answer is JSON; or, when the client accepts `text/event-stream` and the work
/// reports progress (a long Spotify build), an SSE stream of that request's progress
/// that ends with its answer. A client that leaves the stream ends the work.
struct ModernExchange: Sendable {
    let router: MessageRouter
    let logger: Logger

    private enum Event {
        case notification(Data)
        case answer(Data?)
    }

    /// What the exchange sends back, in order: notifications, then the answer, which ends it.
    private final class Events: Sendable {
        private struct State {
            var waiting: [Event] = []
            var ended = false
            var answerOnly = false
            var reader: CheckedContinuation<Event?, Never>?
        }

        private let state = Mutex(State())

        /// Drops notifications from now on: for a client that takes the answer as JSON alone.
        func keepAnswerOnly() {
            state.withLock { $0.answerOnly = true }
        }

        func send(_ event: Event) {
            let reader: CheckedContinuation<Event?, Never>? = state.withLock { state in
                guard !state.ended else { return nil }
                if case .notification = event, state.answerOnly { return nil }
                if case .answer = event { state.ended = true }
                if let reader = state.reader {
                    state.reader = nil
                    return reader
                }
                state.waiting.append(event)
                return nil
            }
            reader?.resume(returning: event)
        }

        /// The next event; `nil` after the answer.
        func next() async -> Event? {
            if let ready = state.withLock({ state -> Event?? in
                if !state.waiting.isEmpty { return .some(state.waiting.removeFirst()) }
                return state.ended ? .some(nil) : nil
            }) {
                return ready
            }
            return await withCheckedContinuation { continuation in
                let ready: Event?? = state.withLock { state in
                    if !state.waiting.isEmpty { return .some(state.waiting.removeFirst()) }
                    if state.ended { return .some(nil) }
                    state.reader = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    func respond(to request: Request, body: ByteBuffer) async -> Response {
        guard request.method == .post else {
            return HTTPRefusal(
                status: 405, message: "Method Not Allowed: revision \(ModernRevision.version) has no sessions to open or end; POST requests",
                headers: ["Allow": "POST"]
            ).response
        }
        if let refusal = RequestChecks.mediaRefusal(ofPost: request.headers) { return refusal.response }
        let events = Events()
        let session = ServerSession(
            logger: logger, toClient: { message in events.send(.notification(message)) }, queuesWork: true,
            modernHeaders: ModernHeaderValues(request.headers))
        let owed = body.withUnsafeReadableBytes { bytes in
            router.receive(bytes, in: session) { answer in events.send(.answer(answer)) }
        }
        guard owed != MessageRouter.Owed.nothing else {
            session.close()
            return Response(status: .accepted)
        }
        // Work that reports progress to a client that takes SSE runs beside the stream
        // that carries it; the rest runs here, in the POST's own task.
        let work: Task<Void, Never>?
        if session.queuedWorkReportsProgress, request.headers.value(.accept)?.listsMediaType("text/event-stream") == true {
            work = Task { await session.runQueuedWork() }
        } else {
            events.keepAnswerOnly()
            work = nil
            await session.runQueuedWork()
        }
        switch await events.next() {
        case .notification(let first)?:
            return stream(first: first, rest: events, session: session, work: work)
        case .answer(let answer)?:
            session.close()
            return Self.json(answer, refused: owed == .refusal)
        case nil:
            session.close()
            return Response(status: .accepted)
        }
    }

    /// The answer as JSON, with the status the revision gives its error.
    private static func json(_ answer: Data?, refused: Bool) -> Response {
        guard let answer else { return Response(status: .accepted) }
        return Response(
            status: refused ? .badRequest : status(of: OutgoingMessage.errorCode(in: answer)),
            headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// 400 for a message the client must change, 404 for a method the server does not
    /// have, 200 for the rest: a dual-era client tells the modern era by these.
    static func status(of errorCode: Int?) -> HTTPResponse.Status {
        switch errorCode {
        case -32700, -32600, -32602, ModernRevision.ErrorCode.headerMismatch, ModernRevision.ErrorCode.missingRequiredClientCapability,
            ModernRevision.ErrorCode.unsupportedProtocolVersion:
            .badRequest
        case -32601: .notFound
        default: .ok
        }
    }

    /// The request's own SSE stream: its notifications as they come, then its answer.
    private func stream(first: Data, rest: Events, session: ServerSession, work: Task<Void, Never>?) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache, no-transform", Self.accelBuffering: "no"],
            body: ResponseBody { writer in
                // Ends the work when the client leaves, or once it is answered.
                defer {
                    work?.cancel()
                    session.close()
                }
                try await writer.write(SessionEvents.event(first))
                while let event = await rest.next() {
                    switch event {
                    case .notification(let message): try await writer.write(SessionEvents.event(message))
                    case .answer(let answer?): try await writer.write(SessionEvents.event(answer))
                    case .answer(nil): break
                    }
                }
                try await writer.finish(nil)
            })
    }

    /// Asks proxies such as nginx to pass each event on at once.
    private static let accelBuffering = HTTPField.Name("X-Accel-Buffering")!
}

extension ModernHeaderValues {
    init(_ headers: HTTPFields) {
        self.init(
            protocolVersion: headers.value(RequestChecks.protocolVersionField), method: headers.value(Self.methodField),
            name: headers.value(Self.nameField))
    }

    private static let methodField = HTTPField.Name(ModernRevision.Header.method)!
    private static let nameField = HTTPField.Name(ModernRevision.Header.name)!
}
