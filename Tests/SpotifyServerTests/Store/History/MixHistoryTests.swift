import Curation
import Foundation
import Testing

@testable import SpotifyServer

/// The mix history on real files in a temporary folder.
@Suite struct MixHistoryTests {
    /// 2026-01-15 09:30:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_768_469_400)

    /// Mix `number`, made `number` minutes after ``start``, with tracks `<number>-0`,
    /// `<number>-1`…
    static func mix(_ number: Int, tracks: Int = 2, playlist: Bool = false) -> StoredMix {
        StoredMix(
            prompt: "mix \(number): rainy sunday, slow and warm",
            createdAt: start + TimeInterval(number * 60),
            target: FeatureTarget(
                valence: 0.3, energy: 0.25, danceability: 0.4, tempo: playlist ? 92 : nil, acousticness: playlist ? 0.7 : nil),
            playlistID: playlist ? "37i9dQZF1DX\(number)" : nil,
            playlistURL: playlist ? URL(string: "https://open.spotify.com/playlist/37i9dQZF1DX\(number)") : nil,
            tracks: (0..<tracks).map { index in
                StoredMix.Track(
                    id: "\(number)-\(index)", uri: "spotify:track:\(number)-\(index)", name: "Song \(index) of mix \(number)",
                    artistNames: index.isMultiple(of: 2) ? ["Ólafur Arnalds"] : ["Nils Frahm", "Ólafur Arnalds"])
            })
    }

    /// `mix` as the history gives it back.
    static func recorded(_ mix: StoredMix, id: Int64) -> StoredMix {
        var mix = mix
        mix.id = id
        return mix
    }

    // MARK: - Recording and reading

    @Test func recordedMixesComeBackNewestFirstWithTheirTracksInOrder() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        let first = try await history.record(Self.mix(1, tracks: 3, playlist: true))
        let second = try await history.record(Self.mix(2, tracks: 0))
        let third = try await history.record(Self.mix(3, tracks: 20))
        #expect(first < second && second < third)

        // A second history on the same file: the mixes come from the file.
        let reopened = try MixHistory(directory: folder.path)
        #expect(try await reopened.recent(limit: 2) == [
            Self.recorded(Self.mix(3, tracks: 20), id: third), Self.recorded(Self.mix(2, tracks: 0), id: second),
        ])
        #expect(try await reopened.recent(limit: 10) == [
            Self.recorded(Self.mix(3, tracks: 20), id: third), Self.recorded(Self.mix(2, tracks: 0), id: second),
            Self.recorded(Self.mix(1, tracks: 3, playlist: true), id: first),
        ])
        #expect(try await reopened.recent(limit: 0) == [])
    }

    @Test func oneMixIsReadByItsIdAlone() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        let first = try await history.record(Self.mix(1, tracks: 3, playlist: true))
        _ = try await history.record(Self.mix(2, tracks: 5))
        #expect(try await history.mix(id: first) == Self.recorded(Self.mix(1, tracks: 3, playlist: true), id: first))
        #expect(try await history.mix(id: 999) == nil)
    }

    @Test func newestIsByTimeMadeNotByTimeRecorded() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        _ = try await history.record(Self.mix(5))
        _ = try await history.record(Self.mix(4))
        var sameMinute = Self.mix(5)
        sameMinute.prompt = "recorded last, made in the same instant"
        _ = try await history.record(sameMinute)
        #expect(try await history.recent(limit: 3).map(\.prompt) == [sameMinute.prompt, Self.mix(5).prompt, Self.mix(4).prompt])
    }

    @Test func anEmptyHistoryHasNothingToAvoid() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        #expect(try await history.recent(limit: 5).isEmpty)
        #expect(try await history.recentlyMixedTrackIDs().isEmpty)
    }

    // MARK: - Memory

    @Test func theMemoryHoldsTheTracksOfTheLastFiveMixes() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        for number in 1...6 {
            _ = try await history.record(Self.mix(number))
        }
        let expected = Set((2...6).flatMap { ["\($0)-0", "\($0)-1"] })
        #expect(try await history.recentlyMixedTrackIDs() == expected)
    }

    @Test func theMemoryDepthCanBeChosen() async throws {
        let folder = try TemporaryFolder()
        _ = try await MixHistory(directory: folder.path).record(Self.mix(1))
        _ = try await MixHistory(directory: folder.path).record(Self.mix(2, tracks: 3))
        let shallow = try MixHistory(directory: folder.path, memoryDepth: 1)
        #expect(try await shallow.recentlyMixedTrackIDs() == ["2-0", "2-1", "2-2"])
    }

    // MARK: - Damage and locks

    @Test func aDamagedHistoryIsReportedAndLeftAlone() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("mixes.sqlite")
        let bad = garbage()
        try bad.write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: StoreError.self) { try MixHistory(directory: folder.path) }
        guard case .damaged(.mixHistory, path, _) = error else {
            Issue.record("expected the history at \(path) to be reported damaged, got \(error)")
            return
        }
        #expect(error.description.hasPrefix("The mix history at \(path) is damaged ("))
        #expect(error.description.contains("Move it away or delete it to start a new history; mixes still work without it."))
        #expect(FileManager.default.contents(atPath: path) == bad)
        #expect(try folder.names() == ["mixes.sqlite"])
    }

    @Test(.timeLimit(.minutes(1))) func aLockHeldElsewhereFailsClearly() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory(directory: folder.path)
        _ = try await history.record(Self.mix(1))
        try await whileLocked(history.path) { () async throws in
            let clock = ContinuousClock()
            let started = clock.now
            await #expect(throws: StoreError.locked(.mixHistory, path: history.path)) {
                try await history.record(Self.mix(2))
            }
            #expect(clock.now - started < .seconds(10))
            // Reading goes on while another process writes.
            #expect(try await history.recent(limit: 5).count == 1)
        }
        _ = try await history.record(Self.mix(2))
        #expect(try await history.recent(limit: 5).count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func openingAHistoryLockedElsewhereFailsClearly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("mixes.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        try await whileLocked(path) { () async throws in
            #expect(throws: StoreError.locked(.mixHistory, path: path)) {
                try MixHistory(directory: folder.path)
            }
        }
        #expect(try await MixHistory(directory: folder.path).recent(limit: 1).isEmpty)
    }

    @Test func theStandardHistoryIsInTheDataFolder() async throws {
        let folder = try TemporaryFolder()
        let history = try MixHistory.standard(environment: ["XDG_DATA_HOME": folder.path])
        #expect(history.path == folder.path + "/setlist/mixes.sqlite")
        #expect(FileManager.default.fileExists(atPath: history.path))
    }
}
