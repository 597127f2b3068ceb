import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

extension MessageRouter {
    /// The answer to a POST body: 200 with the JSON answer; 400 with a JSON-RPC error
    /// when the body is not a message; 202 and no body when nothing is owed
    /// (notifications, answers, a request the client cancelled).
    func answer(_ body: ByteBuffer, in session: ServerSession, headers extra: HTTPFields = [:]) async -> Response {
        let slot = AnswerSlot()
        let owed = body.withUnsafeReadableBytes { bytes in
            receive(bytes, in: session) { slot.fill($0) }
        }
        await session.runQueuedWork()
        var headers = extra
        guard owed != .nothing, let answer = await slot.answer else {
            return Response(status: .accepted, headers: headers)
        }
        headers[.contentType] = "application/json"
        return Response(
            status: owed == .refusal ? .badRequest : .ok, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
    }
}

/// Where the router's one answer to a body lands, for the POST that waits for it.
private final class AnswerSlot: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Data?, Never>)
        case filled(Data?)
    }

    private let state = Mutex(State.empty)

    func fill(_ answer: Data?) {
        let waiter: CheckedContinuation<Data?, Never>? = state.withLock { state in
            defer { state = .filled(answer) }
            guard case .waiting(let continuation) = state else { return nil }
            return continuation
        }
        waiter?.resume(returning: answer)
    }

    /// The answer, once it is there; at once when the work ran in the caller's task.
    var answer: Data? {
        get async {
            if case .filled(let answer) = state.withLock({ $0 }) { return answer }
            return await withCheckedContinuation { continuation in
                let answer: Data?? = state.withLock { state in
                    if case .filled(let answer) = state { return .some(answer) }
                    state = .waiting(continuation)
                    return .none
                }
                if case .some(let answer) = answer { continuation.resume(returning: answer) }
            }
        }
    }
}
