import Foundation
import SpotifyModels
import SpotifySandbox
import Testing

@testable import SpotifyAPI

/// A lost answer never makes a second playlist or adds a track twice.
@Suite struct PlaylistWritesTests {
    func trackIDs(_ uris: [String]) -> [String] {
        uris.map { String($0.dropFirst("spotify:track:".count)) }
    }

    @Test func aPlaylistWhoseCreationAnswerWasLostIsFoundNotMadeAgain() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            for lost in [SandboxState.LostAnswer.serverError, .dropped] {
                await sandbox.state.queueFaults([.init(lost: lost)])
                let playlist = try await client.createPlaylistOnce(name: "Rainy \(lost)", isPublic: false, description: "slow coffee")
                let mine = try await client.myPlaylists().items.filter { $0.name == "Rainy \(lost)" }
                #expect(mine.map(\.id) == [playlist.id])
            }
        }
    }

    @Test func aPlaylistThatWasNotMadeIsMadeOnce() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            // A refusal Spotify answered: nothing landed, and the client may simply retry.
            await sandbox.state.queueFaults([.init(status: 503)])
            let playlist = try await client.createPlaylistOnce(name: "Twice?", isPublic: true)
            #expect(try await client.myPlaylists().items.filter { $0.name == "Twice?" }.map(\.id) == [playlist.id])
        }
    }

    @Test func tracksWhoseAnswerWasLostAreReadBackNotAddedTwice() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let playlist = try await client.createPlaylist(name: "Once each", isPublic: false)
            let uris = sandbox.state.catalog.entries.prefix(230).map(\.track.uri)
            // The first chunk lands and its answer is lost; the second is refused with a 500
            // before landing (then read back, and sent again); the third is dropped.
            await sandbox.state.queueFaults([.init(lost: .serverError), .init(status: 500), .init(lost: .dropped)])
            let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0)
            #expect(append.isComplete)
            #expect(append.added == uris)
            #expect(await sandbox.state.trackIDs(inPlaylist: playlist.id) == trackIDs(uris))
        }
    }

    @Test func whatCouldNotBeAddedIsNamed() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let playlist = try await client.createPlaylist(name: "Partial", isPublic: false)
            let uris = sandbox.state.catalog.entries.prefix(250).map(\.track.uri)
            // The second chunk is refused for good: 400 is no fault to retry.
            let bad = uris[100..<200].map { _ in "spotify:track:nope" }
            let requested = Array(uris[0..<100]) + bad + Array(uris[200...])
            let append = await client.appendToPlaylist(playlist.id, uris: requested, count: 0)
            #expect(append.added == Array(uris[0..<100]))
            #expect(append.remaining == bad + Array(uris[200...]))
            #expect(append.uncertain.isEmpty)
            guard case .badRequest? = append.failure else {
                Issue.record("expected the refusal, got \(String(describing: append.failure))")
                return
            }
            #expect(await sandbox.state.trackIDs(inPlaylist: playlist.id) == trackIDs(Array(uris[0..<100])))
        }
    }

    /// 250 tracks against `--faults 500:0.2,429:0.1,lost:0.1`, with eight seeds: each
    /// playlist holds exactly the requested tracks in order, none twice, or the result
    /// names exactly what is missing.
    @Test(.timeLimit(.minutes(3))) func aLongListSurvivesAFaultyService() async throws {
        let faults = try FaultPlan(parsing: "500:0.2,429:0.1,lost:0.1")
        var runsThatMetFaults = 0
        for seed: UInt64 in 1...8 {
            try await SandboxFixture.run(SandboxOptions(faults: faults, seed: seed)) { sandbox in
                let retry = RetryPolicy(attempts: 6, firstBackoff: .milliseconds(5), longestBackoff: .milliseconds(50))
                let client = try await sandbox.client(retry: retry)
                let uris = sandbox.state.catalog.entries.dropFirst(Int(seed) * 300).prefix(250).map(\.track.uri)
                let before = await sandbox.state.apiRequestCount
                let playlist = try await client.createPlaylistOnce(name: "Faulty", isPublic: false)
                let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0)
                // One create and three appends do without faults.
                if await sandbox.state.apiRequestCount - before > 4 { runsThatMetFaults += 1 }
                let stored = await sandbox.state.trackIDs(inPlaylist: playlist.id) ?? []
                #expect(Set(stored).count == stored.count, "no track twice (seed \(seed))")
                if append.isComplete {
                    #expect(stored == trackIDs(uris), "seed \(seed)")
                } else {
                    #expect(stored == trackIDs(append.added) || stored == trackIDs(append.added + append.uncertain))
                    #expect(append.added + append.uncertain + append.remaining == uris)
                }
                #expect(try await client.myPlaylists().items.filter { $0.name == "Faulty" }.count == 1, "seed \(seed)")
            }
        }
        #expect(runsThatMetFaults >= 4)
    }
}
