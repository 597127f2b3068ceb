import MCP
import Synchronization
import Testing

@testable import Host

/// Which era a probe's answer shows, and how a connection opens with what it remembers.
@Suite struct EraProbeTests {
    typealias Verdict = EraProbe.Verdict

    static let discovered: Value = ["supportedVersions": ["2026-07-28"], "capabilities": ["tools": [:]], "resultType": "complete"]

    @Test func aResultNamingTheModernRevisionIsModern() {
        #expect(EraProbe.verdict(.success(Self.discovered), over: .stdio) == .modern)
        // Answering discover while advertising no modern version Setlist speaks is a handshake-era advertisement.
        #expect(EraProbe.verdict(.success(["supportedVersions": ["2025-11-25"]]), over: .http) == .handshake)
        #expect(EraProbe.verdict(.success(["nothing": true]), over: .stdio) == .handshake)
    }

    @Test func errorsThatAreNotModernMeanTheHandshakeEra() {
        let notFound = ConnectionError.rejected(server: "s", code: -32601, message: "Method not found")
        #expect(EraProbe.verdict(.failure(notFound), over: .stdio) == .handshake)
        #expect(EraProbe.verdict(.failure(.rejected(server: "s", code: -32602, message: "bad")), over: .http) == .handshake)
        for status in [400, 404, 405] {
            #expect(EraProbe.verdict(.failure(.refusedHTTP(server: "s", status: status, message: "no")), over: .http) == .handshake)
        }
        // A stdio server that does not answer an unknown method at all is of the handshake era.
        let silent = ConnectionError.timedOut(server: "s", method: "server/discover", seconds: 1)
        #expect(EraProbe.verdict(.failure(silent), over: .stdio) == .handshake)
    }

    @Test func modernErrorsAndOutagesAreNotFallenBackFrom() {
        let mismatch = ConnectionError.rejected(server: "s", code: -32020, message: "header mismatch")
        #expect(EraProbe.verdict(.failure(mismatch), over: .http) == .failed(mismatch))
        let capability = ConnectionError.rejected(server: "s", code: -32021, message: "needs sampling")
        #expect(EraProbe.verdict(.failure(capability), over: .stdio) == .failed(capability))
        let modernOnly = ConnectionError.unsupportedVersion(server: "s", supported: ["2027-01-01"])
        #expect(EraProbe.verdict(.failure(modernOnly), over: .stdio) == .failed(modernOnly))
        let dual = ConnectionError.unsupportedVersion(server: "s", supported: ["2027-01-01", "2025-06-18"])
        #expect(EraProbe.verdict(.failure(dual), over: .stdio) == .handshake)
        for outage in [
            ConnectionError.refusedHTTP(server: "s", status: 503, message: "busy"),
            .refusedHTTP(server: "s", status: 401, message: "Unauthorized"),
            .refusedHTTP(server: "s", status: 429, message: "Too Many Requests"),
            .timedOut(server: "s", method: "server/discover", seconds: 1),
            .couldNotStart(server: "s", reason: "refused"),
        ] {
            #expect(EraProbe.verdict(.failure(outage), over: .http) == .failed(outage))
        }
        let stopped = ConnectionError.exited(server: "s", stderr: "")
        #expect(EraProbe.verdict(.failure(stopped), over: .stdio) == .failed(stopped))
    }

    // MARK: - Opening

    /// A server for `EraProbe.open`, answering as told and counting what it was sent.
    final class Peer: Sendable {
        let sent = Mutex<[String]>([])
        let discover: Result<Value, ConnectionError>
        let initialize: Result<String, ConnectionError>

        init(discover: Result<Value, ConnectionError>, initialize: Result<String, ConnectionError>) {
            self.discover = discover
            self.initialize = initialize
        }

        func open(_ memory: EraMemory?) async throws -> EraProbe.Agreement {
            try await EraProbe.open(
                key: "peer", memory: memory, over: .stdio,
                discover: {
                    sent.withLock { $0.append("discover") }
                    return try discover.get()
                },
                initialize: {
                    sent.withLock { $0.append("initialize") }
                    return try initialize.get()
                })
        }
    }

    static let refused = ConnectionError.rejected(server: "peer", code: -32601, message: "Method not found")

    @Test func anUnknownServerIsProbedAndRemembered() async throws {
        let memory = EraMemory(file: nil)
        let legacy = Peer(discover: .failure(Self.refused), initialize: .success("2025-06-18"))
        #expect(try await legacy.open(memory) == .init(era: .handshake, protocolVersion: "2025-06-18"))
        #expect(legacy.sent.withLock { $0 } == ["discover", "initialize"])
        #expect(memory.era(of: "peer") == .handshake)
        // Known now: opened with initialize straight away.
        let again = Peer(discover: .failure(Self.refused), initialize: .success("2025-06-18"))
        _ = try await again.open(memory)
        #expect(again.sent.withLock { $0 } == ["initialize"])
    }

    @Test func aServerRememberedAsOfTheHandshakeEraThatIsModernNowIsProbedAgain() async throws {
        let memory = EraMemory(file: nil)
        memory.remember(.handshake, of: "peer")
        let modern = Peer(
            discover: .success(Self.discovered),
            initialize: .failure(.unsupportedVersion(server: "peer", supported: ["2026-07-28"])))
        #expect(try await modern.open(memory) == .init(era: .modern, protocolVersion: "2026-07-28"))
        #expect(modern.sent.withLock { $0 } == ["initialize", "discover"])
        #expect(memory.era(of: "peer") == .modern)
    }

    @Test func aRememberedHandshakeServerThatFailsForAnotherReasonSaysWhy() async throws {
        let memory = EraMemory(file: nil)
        memory.remember(.handshake, of: "peer")
        let refusing = Peer(discover: .failure(Self.refused), initialize: .failure(.rejected(server: "peer", code: -32603, message: "broken")))
        await #expect(throws: ConnectionError.rejected(server: "peer", code: -32603, message: "broken")) { _ = try await refusing.open(memory) }
        #expect(memory.era(of: "peer") == .handshake)
        // A server that stopped is not probed: that says nothing of its era.
        let stopped = Peer(discover: .success(Self.discovered), initialize: .failure(.exited(server: "peer", stderr: "")))
        await #expect(throws: ConnectionError.exited(server: "peer", stderr: "")) { _ = try await stopped.open(memory) }
        #expect(stopped.sent.withLock { $0 } == ["initialize"])
    }

    @Test func aModernServerTooSlowForTheProbeIsAskedAgainWhenItRefusesTheHandshake() async throws {
        // It starts slowly: the probe's deadline passes; by the time initialize comes, it refuses it.
        let answers = Mutex<[Result<Value, ConnectionError>]>([
            .failure(.timedOut(server: "peer", method: "server/discover", seconds: 10)), .success(Self.discovered),
        ])
        let memory = EraMemory(file: nil)
        let agreement = try await EraProbe.open(
            key: "peer", memory: memory, over: .stdio, discover: { try answers.withLock { $0.removeFirst() }.get() },
            initialize: { throw ConnectionError.rejected(server: "peer", code: -32601, message: "Method not found: initialize") })
        #expect(agreement == .init(era: .modern, protocolVersion: "2026-07-28"))
        #expect(answers.withLock(\.isEmpty) && memory.era(of: "peer") == .modern)
    }

    @Test func aModernServerThatRefusesTheProbeIsNotOpenedWithTheHandshake() async throws {
        let mismatch = ConnectionError.rejected(server: "peer", code: -32020, message: "header mismatch")
        let peer = Peer(discover: .failure(mismatch), initialize: .success("2025-11-25"))
        await #expect(throws: mismatch) { _ = try await peer.open(EraMemory(file: nil)) }
        #expect(peer.sent.withLock { $0 } == ["discover"])
    }
}
