import Foundation

/// Why a request from the server to the client got no answer.
public enum ClientRequestError: Error, LocalizedError, Equatable, Sendable {
    case unreachable
    case closed
    case timedOut(String)
    case rejected(code: Int, message: String)

    public var errorDescription: String? {
        switch self {
        case .unreachable: "this connection carries no requests from server to client (stateless HTTP)"
        case .closed: "the connection closed before the client answered"
        case .timedOut(let method): "the client did not answer \(method) in time"
        case .rejected(let code, let message): "the client answered with error \(code): \(message)"
        }
    }
}
