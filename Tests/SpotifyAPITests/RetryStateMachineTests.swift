import AsyncHTTPClient
import Foundation
import Testing

@testable import SpotifyAPI

/// Which tries are repeated: anything that surely did not land, and a change only then.
@Suite struct RetryStateMachineTests {
    static let policy = RetryPolicy(attempts: 3, longestWait: .seconds(30))

    func machine(idempotent: Bool, canRefresh: Bool = true) -> RetryStateMachine {
        RetryStateMachine(policy: Self.policy, isIdempotent: idempotent, description: "POST me/playlists", canRefresh: canRefresh)
    }

    @Test func aSuccessEndsAtOnce() {
        var machine = machine(idempotent: false)
        #expect(machine.answered(.init(status: 201)) == .succeed)
    }

    // MARK: - Reads and other idempotent requests

    @Test func aReadIsRetriedAfterServerErrorsUntilTheTriesRunOut() {
        var machine = machine(idempotent: true)
        #expect(machine.answered(.init(status: 502)) == .retry(after: .backoff(retry: 1)))
        #expect(machine.answered(.init(status: 500)) == .retry(after: .backoff(retry: 2)))
        #expect(machine.answered(.init(status: 503, message: "busy")) == .giveUp(.server(status: 503, message: "busy")))
    }

    @Test func aReadIsRetriedAfterALostConnection() {
        var machine = machine(idempotent: true)
        #expect(machine.failed(.unanswered("connection reset")) == .retry(after: .backoff(retry: 1)))
        #expect(machine.failed(.unanswered("connection reset")) == .retry(after: .backoff(retry: 2)))
        #expect(machine.failed(.unanswered("connection reset")) == .giveUp(.network("connection reset")))
    }

    // MARK: - Changes

    @Test func aChangeIsNotSentAgainAfterAServerError() {
        var machine = machine(idempotent: false)
        let action = machine.answered(.init(status: 500))
        guard case .giveUp(.unconfirmed(let message)) = action else {
            Issue.record("expected an unconfirmed change, got \(action)")
            return
        }
        #expect(message.contains("POST me/playlists"))
    }

    @Test func aChangeIsNotSentAgainAfterALostAnswer() {
        var machine = machine(idempotent: false)
        guard case .giveUp(.unconfirmed) = machine.failed(.unanswered("remote connection closed")) else {
            Issue.record("a change whose answer was lost must not be sent again")
            return
        }
    }

    @Test func aChangeIsSentAgainWhenItNeverLeft() {
        var machine = machine(idempotent: false)
        #expect(machine.failed(.notSent("connection refused")) == .retry(after: .backoff(retry: 1)))
        #expect(machine.failed(.notSent("connection refused")) == .retry(after: .backoff(retry: 2)))
        #expect(machine.failed(.notSent("connection refused")) == .giveUp(.network("connection refused")))
    }

    @Test func aChangeIsSentAgainAfterARateLimitItWasRefusedWith() {
        var machine = machine(idempotent: false)
        #expect(machine.answered(.init(status: 429, retryAfterSeconds: 2)) == .retry(after: .serverAsked(seconds: 2)))
        #expect(machine.answered(.init(status: 429)) == .retry(after: .serverAsked(seconds: 1)))
        #expect(machine.answered(.init(status: 429, retryAfterSeconds: 1)) == .giveUp(.rateLimited(retryAfterSeconds: 1)))
    }

    // MARK: - Rate limits, quota, tokens, refusals

    @Test func aLongRateLimitOrASpentQuotaEndsAtOnce() {
        var long = machine(idempotent: true)
        #expect(long.answered(.init(status: 429, retryAfterSeconds: 3600)) == .giveUp(.rateLimited(retryAfterSeconds: 3600)))
        var quota = machine(idempotent: true)
        #expect(quota.answered(.init(status: 429, retryAfterSeconds: 1, reason: "QUOTA_EXCEEDED")) == .giveUp(.quotaExceeded))
    }

    @Test func aTokenIsRefreshedOnceAndThatIsNoRetry() {
        var machine = machine(idempotent: false)
        #expect(machine.answered(.init(status: 401)) == .refreshTokenAndRetry)
        #expect(machine.attempt == 1)
        #expect(machine.answered(.init(status: 401)) == .reportAnswer)
    }

    @Test func aServiceWithoutUserTokensReportsA401() {
        var machine = machine(idempotent: true, canRefresh: false)
        #expect(machine.answered(.init(status: 401)) == .reportAnswer)
    }

    @Test(arguments: [400, 403, 404]) func otherRefusalsAreReportedAsAnswered(status: Int) {
        var machine = machine(idempotent: true)
        #expect(machine.answered(.init(status: status)) == .reportAnswer)
    }

    // MARK: - Reading failures

    @Test func aRefusedConnectionIsKnownNotToHaveBeenSent() async throws {
        let port = try closedLoopbackPort()
        do {
            _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/me"), timeout: .seconds(2))
            Issue.record("a closed port answered")
        } catch {
            guard case .notSent = SpotifyClient.failure(error) else {
                Issue.record("a refused connection was read as one that may have landed: \(error)")
                return
            }
        }
    }

    @Test func anyOtherFailureMayHaveLanded() {
        struct Reset: Error {}
        #expect(SpotifyClient.failure(HTTPClientError.remoteConnectionClosed) == .unanswered("\(HTTPClientError.remoteConnectionClosed)"))
        #expect(SpotifyClient.failure(HTTPClientError.readTimeout) == .unanswered("\(HTTPClientError.readTimeout)"))
        #expect(SpotifyClient.failure(Reset()) == .unanswered("\(Reset())"))
    }

    /// A loopback port nothing listens on.
    func closedLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(descriptor, raw, length) == 0, getsockname(descriptor, raw, &length) == 0 else {
                    throw POSIXError(.EADDRNOTAVAIL)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
