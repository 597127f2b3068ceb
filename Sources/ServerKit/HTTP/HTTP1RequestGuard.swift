import Foundation
import NIOCore
import NIOHTTP1

/// Guards each HTTP/1 request before anything else reads it: refuses heads that two
/// readers could understand differently (Host confusion and request smuggling start
/// there), and gives each body a deadline.
///
/// - more than one `Host`, or none on HTTP/1.1: 400, as RFC 9112 requires;
/// - a target that is not a path, such as `POST http://evil.example/mcp`: 400, because
///   the authority it names would not be the `Host` the access checks read;
/// - a `Transfer-Encoding` other than `chunked` alone: 501, since no other coding is
///   decoded here.
///
/// It sits between NIO's HTTP/1 decoder and the conversion to Swift HTTP Types, which
/// keeps only the first `Host` and drops the authority of an absolute target. A refusal
/// waits for the responses to the requests before it (a client may pipeline), then the
/// connection closes.
///
/// A body that has not ended within the deadline, counted from its head, fails the read
/// with ``BodyExpired``, which the responder answers with 408. One timer a connection
/// looks at the body in progress now and then, so a request costs no timer of its own.
final class HTTP1RequestGuard: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Requests passed on whose responses have not ended yet.
    private var responsesOwed = 0
    /// A refusal waiting for those responses.
    private var pendingRefusal: HTTPRefusal?
    /// Set once a request is refused: what follows on the connection is dropped.
    private var isRefusing = false

    /// The body did not arrive in time.
    struct BodyExpired: Error {}

    private let bodyTimeout: TimeAmount
    /// When the head of the request whose body is still arriving came; `nil` between bodies.
    private var bodyStarted: NIODeadline?
    private var bodyWatch: RepeatedTask?

    init(bodyTimeout: Duration) {
        self.bodyTimeout = .nanoseconds(
            Int64(bodyTimeout.components.seconds) * 1_000_000_000 + bodyTimeout.components.attoseconds / 1_000_000_000)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isRefusing else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let refusal = Self.refusal(of: head) {
                isRefusing = true
                bodyStarted = nil
                if responsesOwed == 0 { send(refusal, context: context) } else { pendingRefusal = refusal }
                return
            }
            responsesOwed += 1
            bodyStarted = .now()
            watchBodies(context: context)
        case .end:
            bodyStarted = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        bodyWatch?.cancel()
        bodyWatch = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        bodyWatch?.cancel()
        bodyWatch = nil
    }

    /// Starts the connection's timer once: it fails a body whose deadline has passed.
    private func watchBodies(context: ChannelHandlerContext) {
        guard bodyWatch == nil else { return }
        let interval: TimeAmount = min(.seconds(1), max(.milliseconds(10), .nanoseconds(bodyTimeout.nanoseconds / 4)))
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        bodyWatch = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            let (guardian, context) = bound.value
            guard let started = guardian.bodyStarted, NIODeadline.now() - started >= guardian.bodyTimeout else { return }
            guardian.bodyStarted = nil
            context.fireErrorCaught(BodyExpired())
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        context.write(data, promise: promise)
        guard case .end = part else { return }
        responsesOwed -= 1
        if responsesOwed == 0, let refusal = pendingRefusal {
            pendingRefusal = nil
            send(refusal, context: context)
        }
    }

    /// Writes the refusal and closes the connection once it is out.
    private func send(_ refusal: HTTPRefusal, context: ChannelHandlerContext) {
        let body = refusal.body
        var headers = HTTPHeaders(refusal.headerFields)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: refusal.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Why a request head is refused; `nil` if it may go on.
    static func refusal(of head: HTTPRequestHead) -> HTTPRefusal? {
        // One pass over the fields: this runs for every request.
        var hosts = 0
        var codings: [String] = []
        for (name, value) in head.headers {
            if name.isToken("host") {
                hosts += 1
            } else if name.isToken("transfer-encoding") {
                codings += value.split(separator: ",").map { $0.trimmingASCIISpaces.lowercased() }
            }
        }
        if hosts > 1 {
            return HTTPRefusal(status: 400, message: "Bad Request: send one Host header, not \(hosts)")
        }
        if hosts == 0, head.version != .http1_0, head.version != .http0_9 {
            return HTTPRefusal(status: 400, message: "Bad Request: HTTP/1.1 requests need a Host header")
        }
        guard head.uri.utf8.first == UInt8(ascii: "/") else {
            return HTTPRefusal(
                status: 400, message: "Bad Request: the request target must be a path such as /mcp, not a full URL")
        }
        if !codings.isEmpty, codings != ["chunked"] {
            return HTTPRefusal(
                status: 501,
                message: "Not Implemented: Transfer-Encoding \(codings.joined(separator: ", ")); send the body plain or chunked")
        }
        return nil
    }
}
