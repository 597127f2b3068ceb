import Foundation
import NIOCore
import NIOHTTP1

/// Refuses HTTP/1 request heads that two readers could understand differently, before
/// anything else reads them: Host confusion and request smuggling start there.
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
final class HTTP1HeadChecks: ChannelDuplexHandler {
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

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isRefusing else { return }
        let part = unwrapInboundIn(data)
        if case .head(let head) = part {
            if let refusal = Self.refusal(of: head) {
                isRefusing = true
                if responsesOwed == 0 { send(refusal, context: context) } else { pendingRefusal = refusal }
                return
            }
            responsesOwed += 1
        }
        context.fireChannelRead(data)
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
        let hosts = head.headers["Host"]
        if hosts.count > 1 {
            return HTTPRefusal(status: 400, message: "Bad Request: send one Host header, not \(hosts.count)")
        }
        if hosts.isEmpty, head.version != .http1_0, head.version != .http0_9 {
            return HTTPRefusal(status: 400, message: "Bad Request: HTTP/1.1 requests need a Host header")
        }
        guard head.uri.hasPrefix("/") else {
            return HTTPRefusal(
                status: 400, message: "Bad Request: the request target must be a path such as /mcp, not a full URL")
        }
        let codings = head.headers["Transfer-Encoding"].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIISpaces.lowercased() }
        if !codings.isEmpty, codings != ["chunked"] {
            return HTTPRefusal(
                status: 501,
                message: "Not Implemented: Transfer-Encoding \(codings.joined(separator: ", ")); send the body plain or chunked")
        }
        return nil
    }
}
