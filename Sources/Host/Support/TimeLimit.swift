import NIOCore

/// Runs `body`, and gives up after `limit` with `error()`: what the HTTP client's own
/// deadline does not cover (it ends once the answer's head arrives) a stalled body or
/// event stream cannot make last forever.
func withTimeLimit<T: Sendable>(
    _ limit: Duration, error: @escaping @Sendable () -> any Error, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw error() }
        return value
    }
}

extension NIODeadline {
    /// The deadline `duration` from now.
    static func after(_ duration: Duration) -> NIODeadline {
        let (seconds, attoseconds) = duration.components
        return .now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
