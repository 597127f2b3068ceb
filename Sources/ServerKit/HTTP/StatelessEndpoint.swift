import Foundation
import Hummingbird
import Logging

/// One JSON answer per POST and no sessions: each POST is a session of its own, so
/// any client may initialize at any time, and equal request ids from different
/// clients never meet.
struct StatelessEndpoint: MCPEndpoint {
    let router: MessageRouter
    let logger: Logger
    var allowedMethods: String { "POST" }

    func respond(to request: Request, body: ByteBuffer) async -> Response {
        guard request.method == .post else {
            return HTTPRefusal(
                status: 405,
                message: "Method Not Allowed: this server answers POST only; start it with --stateful for sessions and SSE",
                headers: ["Allow": allowedMethods]
            ).response
        }
        if let refusal = RequestChecks.refusal(ofPost: request.headers) { return refusal.response }
        return await router.answer(body, in: ServerSession(logger: logger, queuesWork: true))
    }

    func shutdown() async {}
}
