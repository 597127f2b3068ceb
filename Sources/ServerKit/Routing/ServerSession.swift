import Foundation
import Logging
import MCP
import Synchronization

/// One client's connection as the router keeps it: what the client declared, the
/// requests being worked on, the answers still owed, the service's hooks, and the
/// requests the server sent the client.
///
/// A stdio process has one session; stateful HTTP one per `Mcp-Session-Id`; stateless
/// HTTP one per POST, which is why making one costs next to nothing.
final class ServerSession: Sendable {
    let logger: Logger
    /// Carries a message from server to client; `nil` when the connection cannot
    /// (stateless HTTP answers each POST and holds nothing open).
    private let toClient: (@Sendable (Data) throws -> Void)?
    /// Whether tool calls wait for ``runQueuedWork()`` instead of starting tasks of their
    /// own: a stateless POST is its own session, so its work can run in the POST's task.
    let queuesWork: Bool
    /// The headers of a modern POST, which its one request must match; `nil` on stdio
    /// and for the handshake era's HTTP, where each request's `_meta` says its era.
    let modernHeaders: ModernHeaderValues?
    private let state = Mutex(State())
    /// Answers owed; counted apart from ``state`` so that owing and settling take no lock.
    private let owed = Atomic(0)

    /// Tool calls worked on at once; more are refused until one ends, so that one body
    /// (a batch) or one client cannot start work without end.
    static let maximumWorking = 64

    private struct State {
        var capabilities: Client.Capabilities?
        var protocolVersion: String?
        var working: [RequestID: Work] = [:]
        /// Work that waits for ``runQueuedWork()``, in the order it came.
        var queued: [QueuedWork] = []
        /// Requests the client cancelled: their work ends without an answer.
        var cancelledByClient: Set<RequestID> = []
        var settledWaiters: [CheckedContinuation<Void, Never>] = []
        var hooks = HookQueue()
        var nextRequestNumber = 1
        var awaitingClient: [RequestID: ClientAnswer] = [:]
        var isClosed = false
    }

    /// The service's hooks run one at a time, in order; while one runs, any number of
    /// new ones collapse into one more run.
    private struct HookQueue {
        var isRunning = false
        var next: (@Sendable () async -> Void)?
        var initializedRan = false
    }

    private enum Work {
        case running(Task<Void, Never>)
        case queued
    }

    private struct QueuedWork {
        let id: RequestID
        let reportsProgress: Bool
        let work: @Sendable () async -> Data
        let reply: @Sendable (Data?) -> Void
    }

    private struct ClientAnswer {
        let continuation: CheckedContinuation<Value, any Error>
        let deadline: Task<Void, Never>
    }

    init(
        logger: Logger, toClient: (@Sendable (Data) throws -> Void)? = nil, queuesWork: Bool = false,
        modernHeaders: ModernHeaderValues? = nil
    ) {
        self.logger = logger
        self.toClient = toClient
        self.queuesWork = queuesWork
        self.modernHeaders = modernHeaders
    }

    // MARK: - What the client declared

    /// What the client declared in `initialize`; `nil` before that.
    var capabilities: Client.Capabilities? { state.withLock { $0.capabilities } }

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

    /// Whether a request could start, and if not, why.
    enum WorkStart: Equatable {
        case started
        case idInUse
        case busy
        case closed
    }

    /// Starts the work for a request, or queues it for ``runQueuedWork()``; `reply` gets
    /// its answer, or `nil` when the client cancelled it. Until then the work is reachable
    /// by ``cancel(_:)`` and holds its id.
    /// - Parameter reportsProgress: whether the work sends the client progress as it goes.
    func startWork(
        for id: RequestID, reportsProgress: Bool = false, _ work: @escaping @Sendable () async -> Data,
        reply: @escaping @Sendable (Data?) -> Void
    ) -> WorkStart {
        state.withLock { state in
            guard !state.isClosed else { return .closed }
            guard state.working[id] == nil else { return .idInUse }
            guard state.working.count < Self.maximumWorking else { return .busy }
            guard !queuesWork else {
                state.working[id] = .queued
                state.queued.append(QueuedWork(id: id, reportsProgress: reportsProgress, work: work, reply: reply))
                return .started
            }
            // Made under the lock, so the task's own removal waits for its insertion.
            state.working[id] = .running(
                Task {
                    let answer = await work()
                    self.finish(id, answer: answer, reply: reply)
                })
            return .started
        }
    }

    /// Whether work waiting for ``runQueuedWork()`` sends the client progress as it goes.
    var queuedWorkReportsProgress: Bool {
        state.withLock { $0.queued.contains { $0.reportsProgress } }
    }

    /// Runs the work queued so far: one piece in the caller's task, more side by side.
    func runQueuedWork() async {
        let queued = state.withLock { state in
            defer { state.queued = [] }
            return state.queued
        }
        guard queued.count > 1 else {
            if let only = queued.first { await run(only) }
            return
        }
        await withTaskGroup(of: Void.self) { group in
            for item in queued { group.addTask { await self.run(item) } }
        }
    }

    private func run(_ item: QueuedWork) async {
        // Cancelled before it began (later in the same batch): it need not run at all.
        let cancelled = state.withLock { $0.cancelledByClient.contains(item.id) }
        let answer = cancelled ? nil : await item.work()
        finish(item.id, answer: answer, reply: item.reply)
    }

    /// Frees the id before its answer leaves, so that a client may reuse it at once.
    private func finish(_ id: RequestID, answer: Data?, reply: @Sendable (Data?) -> Void) {
        let wasCancelled = state.withLock { state in
            state.working[id] = nil
            return state.cancelledByClient.remove(id) != nil
        }
        reply(wasCancelled ? nil : answer)
    }

    /// Whether a request with this id is being worked on.
    func isWorking(on id: RequestID) -> Bool {
        state.withLock { $0.working[id] != nil }
    }

    /// Cancels the work of a request the client no longer wants; it gets no answer.
    func cancel(_ id: RequestID) {
        let task: Task<Void, Never>? = state.withLock { state in
            guard let work = state.working[id] else { return nil }
            state.cancelledByClient.insert(id)
            guard case .running(let task) = work else { return nil }
            return task
        }
        task?.cancel()
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

    // MARK: - The service's hooks

    /// Runs a hook after those before it; a hook asked for while one runs collapses
    /// with any other asked for meanwhile into one more run.
    ///
    /// - Parameter once: runs the hook only the first time (`notifications/initialized`).
    func runHook(once: Bool = false, _ hook: @escaping @Sendable () async -> Void) {
        let startNow = state.withLock { state in
            if once {
                guard !state.hooks.initializedRan else { return false }
                state.hooks.initializedRan = true
            }
            guard !state.hooks.isRunning else {
                state.hooks.next = hook
                return false
            }
            state.hooks.isRunning = true
            return true
        }
        guard startNow else { return }
        Task {
            var current: (@Sendable () async -> Void)? = hook
            while let running = current {
                await running()
                current = self.state.withLock { state in
                    defer { state.hooks.next = nil }
                    if state.hooks.next == nil || state.isClosed { state.hooks.isRunning = false }
                    return state.isClosed ? nil : state.hooks.next
                }
            }
        }
    }

    // MARK: - Notifications to the client

    /// Sends the client a notification, if the connection can carry one; a closed
    /// connection drops it.
    func notify(_ method: String, params: Value) {
        guard let toClient, !state.withLock({ $0.isClosed }) else { return }
        try? toClient(OutgoingMessage.notification(method: method, params: params))
    }

    // MARK: - Requests to the client

    /// Sends the client a request and waits for its answer.
    ///
    /// - Throws: ``ClientRequestError`` when the connection cannot carry requests, is
    ///   closed, the client answers with an error, or no answer comes within `timeout`;
    ///   `CancellationError` when the caller is cancelled.
    func request(_ method: String, params: Value? = nil, timeout: Duration = .seconds(60)) async throws -> Value {
        guard let toClient else { throw ClientRequestError.unreachable }
        let id = state.withLock { state in
            defer { state.nextRequestNumber += 1 }
            return RequestID.number(String(state.nextRequestNumber))
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let accepted = state.withLock { state in
                    guard !state.isClosed else { return false }
                    // Registered before its deadline starts, so the deadline always finds it.
                    let deadline = Task {
                        guard (try? await Task.sleep(for: timeout)) != nil else { return }
                        self.resolve(id, with: .failure(ClientRequestError.timedOut(method)))
                    }
                    state.awaitingClient[id] = ClientAnswer(continuation: continuation, deadline: deadline)
                    return true
                }
                guard accepted else { return continuation.resume(throwing: ClientRequestError.closed) }
                do {
                    try toClient(OutgoingMessage.request(id: id, method: method, params: params))
                } catch {
                    resolve(id, with: .failure(ClientRequestError.closed))
                }
            }
        } onCancel: {
            resolve(id, with: .failure(CancellationError()))
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

    /// Ends the session: work in progress is cancelled (and answered with an error that
    /// says so), requests to the client fail, and no hook runs again.
    func close() {
        let (working, awaiting) = state.withLock { state in
            state.isClosed = true
            defer { state.awaitingClient = [:] }
            return (Array(state.working.values), Array(state.awaitingClient.values))
        }
        for case .running(let task) in working { task.cancel() }
        for waiting in awaiting {
            waiting.deadline.cancel()
            waiting.continuation.resume(throwing: ClientRequestError.closed)
        }
    }
}
