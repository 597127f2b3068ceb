import Foundation
import HTTPTypes
import Hummingbird
import Logging

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

    func respond(to request: Request, body: ByteBuffer) async -> Response {
        guard request.method == .post else {
            return HTTPRefusal(
                status: 405, message: "Method Not Allowed: revision \(ModernRevision.version) has no sessions to open or end; POST requests",
                headers: ["Allow": "POST"]
            ).response
        }
        if let refusal = RequestChecks.mediaRefusal(ofPost: request.headers) { return refusal.response }
        let streams = request.headers[.accept]?.listsMediaType("text/event-stream") == true
        let (events, sink) = AsyncStream<Event>.makeStream()
        let toClient: (@Sendable (Data) throws -> Void)? = streams ? { @Sendable message in sink.yield(.notification(message)) } : nil
        let session = ServerSession(logger: logger, toClient: toClient, modernHeaders: ModernHeaderValues(request.headers))
        let owed = body.withUnsafeReadableBytes { bytes in
            router.receive(bytes, in: session) { answer in
                sink.yield(.answer(answer))
                sink.finish()
            }
        }
        guard owed != MessageRouter.Owed.nothing else {
            session.close()
            return Response(status: .accepted)
        }
        var iterator = events.makeAsyncIterator()
        switch await iterator.next() {
        case .notification(let first)?:
            return stream(first: first, rest: Remaining(iterator), session: session)
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
    private func stream(first: Data, rest: Remaining, session: ServerSession) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache, no-transform", Self.accelBuffering: "no"],
            body: ResponseBody { writer in
                // Ends the work when the client leaves, or once it is answered.
                defer { session.close() }
                try await writer.write(SessionEvents.event(first))
                while let event = await rest.iterator.next() {
                    switch event {
                    case .notification(let message): try await writer.write(SessionEvents.event(message))
                    case .answer(let answer?): try await writer.write(SessionEvents.event(answer))
                    case .answer(nil): break
                    }
                }
                try await writer.finish(nil)
            })
    }

    /// The events after the first, read on by the one task that writes the stream.
    private final class Remaining: @unchecked Sendable {
        var iterator: AsyncStream<Event>.Iterator
        init(_ iterator: AsyncStream<Event>.Iterator) { self.iterator = iterator }
    }

    /// Asks proxies such as nginx to pass each event on at once.
    private static let accelBuffering = HTTPField.Name("X-Accel-Buffering")!
}

extension ModernHeaderValues {
    init(_ headers: HTTPFields) {
        self.init(
            protocolVersion: headers[RequestChecks.protocolVersionField], method: headers[Self.methodField],
            name: headers[Self.nameField])
    }

    private static let methodField = HTTPField.Name(ModernRevision.Header.method)!
    private static let nameField = HTTPField.Name(ModernRevision.Header.name)!
}
