import Testing

@testable import SpotifyAPI

/// A change is sent again only when reading back shows it did not land.
@Suite struct ConfirmedWriteStateMachineTests {
    let lost = SpotifyError.unconfirmed("POST me/playlists: Spotify answered 500")

    @Test func aConfirmedChangeIsDone() {
        var machine = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        #expect(machine.start() == .send)
        #expect(machine.sent(.success(())) == .finish(.landed))
    }

    @Test func aRefusalIsNotMadeAndNotReadBack() {
        var machine = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        _ = machine.start()
        #expect(machine.sent(.failure(.badRequest("400: no"))) == .finish(.notMade(.badRequest("400: no"))))
    }

    @Test func aLostAnswerIsReadBackAndALandedChangeNotSentAgain() {
        var machine = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        _ = machine.start()
        #expect(machine.sent(.failure(lost)) == .readBack)
        #expect(machine.read(.success(.landed)) == .finish(.landed))
        #expect(machine.sends == 1)
    }

    @Test func anAbsentChangeIsSentAgainAfterAPauseUntilTheTriesRunOut() {
        var machine = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        _ = machine.start()
        #expect(machine.sent(.failure(lost)) == .readBack)
        #expect(machine.read(.success(.absent)) == .pauseThenSend(retry: 1))
        #expect(machine.sent(.failure(lost)) == .readBack)
        #expect(machine.read(.success(.absent)) == .pauseThenSend(retry: 2))
        #expect(machine.sent(.failure(lost)) == .readBack)
        #expect(machine.read(.success(.absent)) == .finish(.notMade(lost)))
        #expect(machine.sends == 3)
    }

    @Test func whatCannotBeReadBackOrToldApartIsUnknown() {
        var unreadable = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        _ = unreadable.start()
        _ = unreadable.sent(.failure(lost))
        #expect(unreadable.read(.failure(.network("reset"))) == .finish(.unknown(lost)))
        var unclear = ConfirmedWriteStateMachine(policy: RetryPolicy(attempts: 3))
        _ = unclear.start()
        _ = unclear.sent(.failure(lost))
        #expect(unclear.read(.success(.unclear("it changed"))) == .finish(.unknown(.unconfirmed("it changed"))))
    }
}
