import Foundation
import Logging
import MCP
import Synchronization
import Testing

@testable import ServerKit

/// A stateless POST's session queues its tool calls and runs them in the POST's own task.
@Suite struct QueuedWorkTests {
    let log = WorkLog()
    let router: MessageRouter
    let session = ServerSession(logger: Logger(label: "test"), queuesWork: true)
    let answers = Answers()

    init() {
        router = MessageRouter(service: TestTools.service(log: log))
    }

    private func receive(_ text: String) -> MessageRouter.Owed {
        let answers = answers
        return router.receive(Data(text.utf8), in: session) { answer in answers.list.withLock { $0.append(answer) } }
    }

    private var parsedAnswers: [Value?] {
        answers.list.withLock { $0 }.map { answer in answer.flatMap { try? JSONParser.parse($0) } }
    }

    @Test func aQueuedCallRunsOnlyWhenTheQueueRuns() async throws {
        #expect(receive(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#) == .answer)
        #expect(answers.list.withLock { $0.isEmpty })
        await session.runQueuedWork()
        let answer = try #require(parsedAnswers.first ?? nil)
        #expect(answer["result"]?["structuredContent"]?["greeting"] == .string("Hola, Ana"))
        #expect(!session.isWorking(on: .number("1")))
    }

    @Test func aCallCancelledLaterInItsBatchNeverRuns() async throws {
        let owed = receive(
            #"[{"jsonrpc":"2.0","id":"w","method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":600000}}},"#
                + #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"w"}},"#
                + #"{"jsonrpc":"2.0","id":2,"method":"ping"}]"#)
        #expect(owed == .answer)
        await session.runQueuedWork()
        #expect(log.snapshot.started == 0)
        let batch = try #require(parsedAnswers.first ?? nil)
        #expect(batch.arrayValue?.count == 1)
        #expect(batch.arrayValue?.first?["id"] == .int(2))
        #expect(await session.settled(within: .seconds(1)))
    }

    @Test(.timeLimit(.minutes(1))) func theCallsOfABatchRunSideBySide() async throws {
        let call = { (id: Int) in
            #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":1500}}}"#
        }
        #expect(receive("[\(call(1)),\(call(2)),\(call(3))]") == .answer)
        await session.runQueuedWork()
        // One after another, no two would overlap.
        #expect(log.mostAtOnce == 3)
        #expect(log.snapshot.finished == 3)
        #expect(try #require(parsedAnswers.first ?? nil).arrayValue?.count == 3)
    }

    @Test func anIdQueuedTwiceInABatchIsRefusedTheSecondTime() async throws {
        let call = #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#
        #expect(receive("[\(call),\(call)]") == .answer)
        await session.runQueuedWork()
        let batch = try #require(parsedAnswers.first ?? nil).arrayValue ?? []
        #expect(batch.count == 2)
        #expect(batch.compactMap { $0.errorCode }.contains(-32600))
        #expect(batch.contains { $0["result"] != nil })
    }
}

/// What the router answered, in the order it answered.
final class Answers: Sendable {
    let list = Mutex<[Data?]>([])
}
