import Foundation
import Logging
import MCP
import Synchronization

@testable import ServerKit

/// Hands bodies to a router as a transport does, and gathers what comes back.
final class RouterProbe: Sendable {
    let router: MessageRouter
    let session: ServerSession
    /// Messages the server sent the client (its own requests).
    let sentToClient = SentMessages()

    init(_ service: MCPService = TestTools.service(), reachesClient: Bool = false) {
        router = MessageRouter(service: service)
        let sent = sentToClient
        session = ServerSession(
            logger: Logger(label: "test"),
            toClient: reachesClient ? { @Sendable message in sent.messages.withLock { $0.append(message) } } : nil)
    }

    /// What a body was owed, and the answer's raw bytes (`nil` when none came).
    /// A second answer to the same body would resume the continuation twice, which traps.
    func sendRaw(_ body: Data) async -> (owed: MessageRouter.Owed, answer: Data?) {
        var owed = MessageRouter.Owed.nothing
        let answer: Data? = await withCheckedContinuation { continuation in
            owed = router.receive(body, in: session) { continuation.resume(returning: $0) }
            if owed == .nothing { continuation.resume(returning: nil) }
        }
        return (owed, answer)
    }

    func sendRaw(_ text: String) async -> (owed: MessageRouter.Owed, answer: Data?) {
        await sendRaw(Data(text.utf8))
    }

    /// The answer to a body, parsed; `nil` when none came.
    func send(_ text: String) async throws -> Value? {
        guard let answer = await sendRaw(text).answer else { return nil }
        return try JSONParser.parse(answer)
    }
}

/// What a server sent its client.
final class SentMessages: Sendable {
    let messages = Mutex<[Data]>([])
}

extension MessageRouter {
    func receive(_ body: Data, in session: ServerSession, reply: @escaping @Sendable (Data?) -> Void) -> Owed {
        body.withUnsafeBytes { receive($0, in: session, reply: reply) }
    }
}

extension Value {
    subscript(_ key: String) -> Value? { objectValue?[key] }
    var errorCode: Value? { self["error"]?["code"] }
}
