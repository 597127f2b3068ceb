/// How a change whose answer may be lost is made exactly once: send it; if Spotify's
/// answer is lost, read back whether it landed; send it again only if it surely did
/// not, after a pause. Pure: the client sends and reads, and reports what it saw.
///
/// ``RetryStateMachine`` decides about one request; this decides about one change,
/// which may take several requests (a resend, the read-backs between).
struct ConfirmedWriteStateMachine {
    enum Action: Equatable {
        case send
        /// Read the change back to learn whether it landed.
        case readBack
        /// Wait the policy's backoff before resend number `retry`, then send.
        case pauseThenSend(retry: Int)
        case finish(Outcome)
    }

    enum Outcome: Equatable {
        case landed
        /// Surely not made: send it again later to make it.
        case notMade(SpotifyError)
        /// Perhaps made: read the state before doing anything else.
        case unknown(SpotifyError)
    }

    /// What a read-back found.
    enum Reading: Equatable {
        case landed
        case absent
        /// Something else changed meanwhile: the change cannot be told apart.
        case unclear(String)
    }

    let policy: RetryPolicy
    private(set) var sends = 0
    /// The last lost answer, reported if the change cannot be confirmed.
    private var lost: SpotifyError?

    init(policy: RetryPolicy) {
        self.policy = policy
    }

    mutating func start() -> Action {
        sends = 1
        return .send
    }

    mutating func sent(_ result: Result<Void, SpotifyError>) -> Action {
        switch result {
        case .success:
            return .finish(.landed)
        case .failure(let error):
            guard case .unconfirmed = error else { return .finish(.notMade(error)) }
            lost = error
            return .readBack
        }
    }

    mutating func read(_ result: Result<Reading, SpotifyError>) -> Action {
        let lost = lost ?? .unconfirmed("the change's answer was lost")
        switch result {
        case .success(.landed):
            return .finish(.landed)
        case .success(.absent):
            guard sends < policy.attempts else { return .finish(.notMade(lost)) }
            sends += 1
            return .pauseThenSend(retry: sends - 1)
        case .success(.unclear(let reason)):
            return .finish(.unknown(.unconfirmed(reason)))
        case .failure:
            return .finish(.unknown(lost))
        }
    }
}
