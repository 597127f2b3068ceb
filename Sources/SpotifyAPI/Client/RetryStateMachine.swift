/// What the client does after each try of one request: retry, refresh the token, or
/// stop and say why. Pure: the client performs the I/O and reports what happened.
///
/// A request that changes something (a `POST`: a new playlist, tracks added) is sent
/// again only when it surely did not land: Spotify refused it (429, or 401 before a
/// refresh) or the connection was never made. A server error or a lost connection
/// after it was sent leaves its outcome unknown; sending it again could make a second
/// playlist or add the tracks twice, so the machine stops with
/// ``SpotifyError/unconfirmed(_:)`` and leaves it to the caller to read back what is there.
struct RetryStateMachine {
    /// How a try ended without an answer.
    enum Failure: Equatable {
        /// The connection was never made: the request did not reach Spotify.
        case notSent(String)
        /// The request may have reached Spotify; no answer came back.
        case unanswered(String)
    }

    /// What Spotify answered, as far as retrying goes.
    struct Answer: Equatable {
        var status: Int
        var retryAfterSeconds: Int? = nil
        var reason: String? = nil
        var message = ""
    }

    /// How long to wait before the next try.
    enum Pause: Equatable {
        /// As long as Spotify's `Retry-After` said.
        case serverAsked(seconds: Int)
        /// The policy's backoff before retry number `retry` (1 for the first).
        case backoff(retry: Int)
    }

    enum Action: Equatable {
        case succeed
        case retry(after: Pause)
        case refreshTokenAndRetry
        /// Stop: the answer's own error says what went wrong (a 4xx).
        case reportAnswer
        case giveUp(SpotifyError)
    }

    let policy: RetryPolicy
    /// Whether sending the request twice does no more than sending it once.
    let isIdempotent: Bool
    /// What the request does, for errors that name it (`POST playlists/…/items`).
    let description: String
    /// Whether a 401 may be answered by refreshing the token (user tokens of the Web API).
    let canRefresh: Bool

    private(set) var attempt = 1
    private(set) var refreshed = false

    init(policy: RetryPolicy, isIdempotent: Bool, description: String, canRefresh: Bool) {
        self.policy = policy
        self.isIdempotent = isIdempotent
        self.description = description
        self.canRefresh = canRefresh
    }

    // MARK: - Events

    mutating func failed(_ failure: Failure) -> Action {
        switch failure {
        case .notSent(let message):
            return retry(.backoff(retry: attempt), else: .network(message))
        case .unanswered(let message):
            guard isIdempotent else { return .giveUp(.unconfirmed("\(description): the connection was lost (\(message))")) }
            return retry(.backoff(retry: attempt), else: .network(message))
        }
    }

    mutating func answered(_ answer: Answer) -> Action {
        switch answer.status {
        case 200..<300:
            return .succeed
        case 401 where canRefresh && !refreshed:
            // Refused, so nothing landed; a fresh token does not count as a retry.
            refreshed = true
            return .refreshTokenAndRetry
        case 429:
            if answer.reason == "QUOTA_EXCEEDED" { return .giveUp(.quotaExceeded) }
            let wait = answer.retryAfterSeconds ?? 1
            guard Duration.seconds(wait) <= policy.longestWait else { return .giveUp(.rateLimited(retryAfterSeconds: wait)) }
            return retry(.serverAsked(seconds: wait), else: .rateLimited(retryAfterSeconds: wait))
        case 500...599:
            guard isIdempotent else {
                return .giveUp(.unconfirmed("\(description): Spotify answered \(answer.status)"))
            }
            return retry(.backoff(retry: attempt), else: .server(status: answer.status, message: answer.message))
        default:
            return .reportAnswer
        }
    }

    /// Retries while tries are left; else gives up with `error`.
    private mutating func retry(_ pause: Pause, else error: SpotifyError) -> Action {
        guard attempt < policy.attempts else { return .giveUp(error) }
        attempt += 1
        return .retry(after: pause)
    }
}
