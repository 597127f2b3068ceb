import Foundation
import Logging
import SpotifyAPI
import SpotifySandbox
import Testing

@testable import SpotifyServer

/// One session however many calls arrive at once, and a login that switches it.
@Suite struct SpotifyContextTests {
    func context() -> SpotifyContext {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-context-\(UUID().uuidString)").path
        return SpotifyContext(
            target: .embedded(SandboxOptions()), store: TokenStore(directory: folder), scratch: folder, features: nil, history: nil,
            logger: Logger(label: "test"))
    }

    @Test func callsArrivingTogetherShareOneSandbox() async throws {
        let spotify = context()
        let kinds = try await withThrowingTaskGroup(of: SpotifySession.Kind.self) { group in
            for _ in 0..<8 { group.addTask { try await spotify.current().kind } }
            return try await group.reduce(into: [SpotifySession.Kind]()) { $0.append($1) }
        }
        #expect(Set(kinds.map { "\($0)" }).count == 1)
        let bots = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 { group.addTask { try await spotify.botClient().me().id } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(bots == Array(repeating: SandboxUsers.bot, count: 4))
        await spotify.stop()
    }

    @Test func aCompletedLoginCannotBeCompletedTwiceAndAFailedOneStaysOpen() async throws {
        let spotify = context()
        await #expect(throws: SpotifyServerError.noLoginInProgress) { _ = try await spotify.completeLogin(code: "x", redirectURL: nil) }
        _ = try await spotify.beginLogin()
        await #expect(throws: SpotifyServerError.noCodeGiven) { _ = try await spotify.completeLogin(code: nil, redirectURL: "") }
        await #expect(throws: (any Error).self) { _ = try await spotify.completeLogin(code: nil, redirectURL: "http://127.0.0.1:8888/callback?code=x&state=wrong") }
        // Still open after a wrong answer: the right one can finish it.
        await #expect(throws: (any Error).self) { _ = try await spotify.completeLogin(code: "not-a-code", redirectURL: nil) }
        await spotify.stop()
    }

    @Test func stoppingRemovesWhatTheSandboxRunKept() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-context-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let spotify = SpotifyContext(
            target: .embedded(SandboxOptions()), store: TokenStore(directory: folder + "/unused"), scratch: folder, features: nil,
            history: nil, logger: Logger(label: "test"))
        _ = try await spotify.current()
        await spotify.stop()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
