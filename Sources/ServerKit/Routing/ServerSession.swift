import Foundation
import Logging
import MCP
import Synchronization

/// One client's connection as the router keeps it: what the client declared, the
/// requests being worked on, the answers still owed, and the requests the server sent
/// the client.
///
/// A stdio process has one session; stateful HTTP one per `Mcp-Session-Id`; stateless
/// HTTP one per POST, which is why making one costs next to nothing.
public final class ServerSession: Sendable {
    let logger: Logger
    /// Carries a message from server to client; `nil` when the connection cannot
    /// (stateless HTTP answers each POST and holds nothing open).
    private let toClient: (@Sendable (Data) async throws -> Void)?
    private let state = Mutex(State())
    /// Answers owed; counted apart from ``state`` so that the path of every request
    /// takes no lock for it.
    private let owed = Atomic(0)

    private struct State {
        var capabilities: Client.Capabilities?
        var protocolVersion: String?
        var working: [RequestID: Task<Void, Never>] = [:]
        var settledWaiters: [CheckedContinuation<Void, Never>] = []
        var nextRequestNumber = 1
        var awaitingClient: [RequestID: ClientAnswer] = [:]
        var isClosed = false
    }

    private struct ClientAnswer {
        let continuation: CheckedContinuation<Value, any Error>
        let deadline: Task<Void, Never>
    }

    public init(logger: Logger, toClient: (@Sendable (Data) async throws -> Void)? = nil) {
        self.logger = logger
        self.toClient = toClient
    }

    // MARK: - What the client declared

    /// What the client declared in `initialize`; `nil` before that.
    public var capabilities: Client.Capabilities? { state.withLock { $0.capabilities } }

    /// The protocol version agreed in `initialize`; `nil` before that.
    var protocolVersion: String? { state.withLock { $0.protocolVersion } }

    /// Records a first `initialize`; false when the session was initialized already.
    func recordInitialize(capabilities: Client.Capabilities, protocolVersion: String) -> Bool {
        state.withLock { state in
            guard state.protocolVersion == nil else { return false }
            state.capabilities = capabilities
            state.protocolVersion = protocolVersion
            return true
        }
    }

    /// Whether the server can send this client requests and notifications.
    var canReachClient: Bool { toClient != nil }

    // MARK: - Requests being worked on

    /// Starts the work for a request, unless a request with the same id is still being
    /// worked on; the work is then reachable by ``cancel(_:)`` until it ends.
    func startWork(for id: RequestID, _ work: @escaping @Sendable () async -> Void) -> Bool {
        state.withLock { state in
            guard state.working[id] == nil, !state.isClosed else { return false }
            // Made under the lock, so the task's own removal waits for its insertion.
            state.working[id] = Task {
                await work()
                self.state.withLock { _ = $0.working.removeValue(forKey: id) }
            }
            return true
        }
    }

    /// Whether a request with this id is being worked on.
    func isWorking(on id: RequestID) -> Bool {
        state.withLock { $0.working[id] != nil }
    }

    /// Cancels the work of a request the client no longer wants.
    func cancel(_ id: RequestID) {
        state.withLock { $0.working[id] }?.cancel()
    }

    // MARK: - Answers owed

    /// Notes that an answer is owed until ``settle()``.
    func owe() {
        owed.wrappingAdd(1, ordering: .sequentiallyConsistent)
    }

    func settle() {
        guard owed.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 else { return }
        releaseSettledWaiters()
    }

    /// Waits until no answer is owed, or `timeout` passes; true if none is owed.
    func settled(within timeout: Duration) async -> Bool {
        let waiting = Task {
            await withCheckedContinuation { continuation in
                // Checked under the lock that settle() takes after the count reaches zero,
                // so a waiter is either seen by it or sees zero itself.
                let done = state.withLock { state in
                    guard owed.load(ordering: .sequentiallyConsistent) > 0 else { return true }
                    state.settledWaiters.append(continuation)
                    return false
                }
                if done { continuation.resume() }
            }
        }
        let deadline = Task {
            try? await Task.sleep(for: timeout)
            self.releaseSettledWaiters()
        }
        await waiting.value
        deadline.cancel()
        return owed.load(ordering: .sequentiallyConsistent) == 0
    }

    private func releaseSettledWaiters() {
        let waiters = state.withLock { state in
            defer { state.settledWaiters = [] }
            return state.settledWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Requests to the client

    /// Sends the client a request and waits for its answer.
    ///
    /// - Throws: ``ClientRequestError`` when the connection cannot carry requests, is
    ///   closed, the client answers with an error, or no answer comes within `timeout`.
    func request(_ method: String, params: Value? = nil, timeout: Duration = .seconds(60)) async throws -> Value {
        guard let toClient else { throw ClientRequestError.unreachable }
        let id = state.withLock { state in
            defer { state.nextRequestNumber += 1 }
            return RequestID.number(String(state.nextRequestNumber))
        }
        return try await withCheckedThrowingContinuation { continuation in
            let deadline = Task {
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                self.resolve(id, with: .failure(ClientRequestError.timedOut(method)))
            }
            let accepted = state.withLock { state in
                guard !state.isClosed else { return false }
                state.awaitingClient[id] = ClientAnswer(continuation: continuation, deadline: deadline)
                return true
            }
            guard accepted else {
                deadline.cancel()
                continuation.resume(throwing: ClientRequestError.closed)
                return
            }
            Task {
                do {
                    try await toClient(OutgoingMessage.request(id: id, method: method, params: params))
                } catch {
                    self.resolve(id, with: .failure(ClientRequestError.closed))
                }
            }
        }
    }

    /// Hands the client's answer to the request that waits for it; false if none does.
    @discardableResult
    func resolve(_ id: RequestID, with result: Result<Value, any Error>) -> Bool {
        guard let waiting = state.withLock({ $0.awaitingClient.removeValue(forKey: id) }) else { return false }
        waiting.deadline.cancel()
        waiting.continuation.resume(with: result)
        return true
    }

    // MARK: - Closing

    /// Ends the session: work in progress is cancelled and requests to the client fail.
    func close() {
        let (working, awaiting) = state.withLock { state in
            state.isClosed = true
            defer { state.awaitingClient = [:] }
            return (Array(state.working.values), Array(state.awaitingClient.values))
        }
        for task in working { task.cancel() }
        for waiting in awaiting {
            waiting.deadline.cancel()
            waiting.continuation.resume(throwing: ClientRequestError.closed)
        }
    }
}

/// Why a request from the server to the client got no answer.
public enum ClientRequestError: Error, LocalizedError, Equatable, Sendable {
    case unreachable
    case closed
    case timedOut(String)
    case rejected(JSONRPCError)

    public var errorDescription: String? {
        switch self {
        case .unreachable: "this connection carries no requests from server to client (stateless HTTP)"
        case .closed: "the connection closed before the client answered"
        case .timedOut(let method): "the client did not answer \(method) in time"
        case .rejected(let error): "the client answered with error \(error.code): \(error.message)"
        }
    }
}
