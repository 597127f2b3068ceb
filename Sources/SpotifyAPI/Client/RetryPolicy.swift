/// How hard the client tries before it gives up.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries per request, the first included.
    public var attempts: Int
    /// The longest `Retry-After` worth waiting for; longer ones fail at once with the wait.
    public var longestWait: Duration
    /// The first backoff after a server error or lost connection; each next one doubles, with jitter.
    public var firstBackoff: Duration
    public var longestBackoff: Duration

    public init(
        attempts: Int = 4, longestWait: Duration = .seconds(30), firstBackoff: Duration = .milliseconds(250),
        longestBackoff: Duration = .seconds(4)
    ) {
        self.attempts = attempts
        self.longestWait = longestWait
        self.firstBackoff = firstBackoff
        self.longestBackoff = longestBackoff
    }

    /// The pause before retry number `retry` (1 for the first), between half and all of the doubled backoff.
    func backoff(beforeRetry retry: Int) -> Duration {
        let doubled = firstBackoff * (1 << min(retry - 1, 16))
        let ceiling = min(doubled, longestBackoff)
        return ceiling * Double.random(in: 0.5...1)
    }
}
