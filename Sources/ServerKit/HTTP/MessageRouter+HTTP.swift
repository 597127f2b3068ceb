import Foundation
import HTTPTypes
import Hummingbird

extension MessageRouter {
    /// The answer to a POST body: 200 with the JSON answer; 400 with a JSON-RPC error
    /// when the body is not a message; 202 and no body when nothing is owed
    /// (notifications, answers, a request the client cancelled).
    func answer(_ body: ByteBuffer, in session: ServerSession, headers extra: HTTPFields = [:]) async -> Response {
        var owed = Owed.nothing
        let answer: Data? = await withCheckedContinuation { continuation in
            owed = body.withUnsafeReadableBytes { bytes in
                receive(bytes, in: session) { continuation.resume(returning: $0) }
            }
            if owed == .nothing { continuation.resume(returning: nil) }
        }
        var headers = extra
        guard let answer else { return Response(status: .accepted, headers: headers) }
        headers[.contentType] = "application/json"
        return Response(
            status: owed == .refusal ? .badRequest : .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
    }
}
