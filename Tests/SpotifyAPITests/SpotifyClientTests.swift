import Foundation
import SpotifySandbox
import Synchronization
import Testing

@testable import SpotifyAPI

/// The client against the sandbox over loopback HTTP: each call, each fault, paging and chunking.
@Suite struct SpotifyClientTests {
    // MARK: - Calls

    @Test func readsTheUserAndTheirHistory() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            #expect(try await client.me().id == SandboxUsers.listener)
            let top = try await client.topTracks(.longTerm, limit: 50)
            #expect(top.total == 300 && top.items.count == 50)
            #expect(try await client.topArtists(limit: 10).items.count == 10)
            #expect(try await client.recentlyPlayed().items.count == 50)
            #expect(try await client.savedTracks(limit: 20).total == 250)
            let artist = try await client.artist(top.items[0].artists[0].id)
            #expect(artist.genres == nil)
            let albums = try await client.artistAlbums(artist.id)
            #expect(!albums.items.isEmpty)
            #expect(try await client.albumTracks(albums.items[0].id).items.count == DemoCatalog.tracksPerAlbum)
        }
    }

    @Test func searchesInPagesOfTen() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let page = try await client.search("rain", limit: 50)
            #expect(page.tracks?.limit == 10)
            let tracks = try await client.searchTracks("rain", upTo: 35)
            #expect(tracks.count == 35)
            #expect(Set(tracks.map(\.id)).count == 35)
        }
    }

    @Test func fetchesLongHistoriesSideBySide() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let before = await sandbox.state.apiRequestCount
            let top = try await client.allTopTracks(upTo: 200)
            #expect(top.count == 200 && Set(top.map(\.id)).count == 200)
            #expect(await sandbox.state.apiRequestCount - before == 4)
            #expect(try await client.allSavedTracks(upTo: 1000).count == 250)
        }
    }

    @Test func addsLongTrackListsAHundredAtATimeInOrder() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let playlist = try await client.createPlaylist(name: "Rainy Sunday", isPublic: false, description: "slow coffee")
            let uris = sandbox.state.catalog.entries.prefix(250).map(\.track.uri)
            let before = await sandbox.state.apiRequestCount
            let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0)
            #expect(append.isComplete && append.added == uris && append.remaining.isEmpty)
            #expect(await sandbox.state.apiRequestCount - before == 3)
            #expect(await sandbox.state.trackIDs(inPlaylist: playlist.id) == uris.map { String($0.dropFirst(14)) })
            let firstPage = try await client.playlistItems(playlist.id)
            #expect(firstPage.total == 250 && firstPage.items.count == 100)
        }
    }

    @Test func savesToTheLibraryFortyAtATime() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let uris = sandbox.state.catalog.entries.prefix(90).map(\.track.uri)
            let before = await sandbox.state.apiRequestCount
            try await client.saveToLibrary(uris)
            #expect(await sandbox.state.apiRequestCount - before == 3)
            #expect(try await client.libraryContains(uris).allSatisfy { $0 })
            try await client.removeFromLibrary(Array(uris.prefix(10)))
            #expect(try await client.libraryContains(Array(uris.prefix(11))) == Array(repeating: false, count: 10) + [true])
        }
    }

    @Test func controlsThePlayer() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            #expect(try await client.playbackState() == nil)
            let uri = sandbox.state.catalog.entries[0].track.uri
            await #expect(throws: SpotifyError.noActiveDevice) { try await client.play(uris: [uri]) }
            let device = try #require(try await client.devices().first?.id)
            try await client.transferPlayback(to: device)
            try await client.play(uris: [uri])
            #expect(try await client.playbackState()?.item?.uri == uri)
            let free = try await sandbox.client(user: SandboxUsers.free)
            await #expect(throws: SpotifyError.premiumRequired) { try await free.play(uris: [uri]) }
        }
    }

    @Test func namesTheUsualRefusals() async throws {
        try await SandboxFixture.run { sandbox in
            let stranger = try await sandbox.client(user: SandboxUsers.stranger)
            await #expect(throws: SpotifyError.userNotRegistered) { _ = try await stranger.me() }
            let narrow = try await sandbox.client(scopes: ["user-read-private"])
            await #expect {
                _ = try await narrow.topTracks()
            } throws: { error in
                guard case SpotifyError.missingScope = error else { return false }
                return (error as? SpotifyError)?.errorDescription?.contains("setlist auth login") == true
            }
        }
    }

    // MARK: - Features

    @Test func readsReccoBeatsFeaturesAndRecommendations() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let entries = Array(sandbox.state.catalog.entries.prefix(95))
            let before = await sandbox.state.apiRequestCount
            let features = try await client.reccoBeatsFeatures(entries.map(\.track.id))
            #expect(await sandbox.state.apiRequestCount - before == 3)
            #expect(features.count == 95)
            #expect(features[entries[7].track.id] == entries[7].features)
            let picks = try await client.reccoBeatsRecommendations(seeds: [entries[0].track.id], size: 12, targets: ["energy": 0.9])
            #expect(picks.count == 12)
            #expect(picks.allSatisfy { sandbox.state.catalog.entry(id: $0.spotifyID) != nil })
        }
    }

    @Test func restrictedEndpointsAreForbiddenUnlessLegacy() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            await #expect {
                _ = try await client.spotifyAudioFeatures([sandbox.state.catalog.entries[0].track.id])
            } throws: { error in
                guard case SpotifyError.forbidden = error else { return false }
                return true
            }
        }
        try await SandboxFixture.run(SandboxOptions(mode: .legacy)) { sandbox in
            let client = try await sandbox.client()
            let entry = sandbox.state.catalog.entries[0]
            #expect(try await client.spotifyAudioFeatures([entry.track.id])[entry.track.id] == entry.features)
            func meanEnergy(_ targets: [String: Double]) async throws -> Double {
                let picks = try await client.spotifyRecommendations(seedTracks: [entry.track.id], targets: targets, limit: 10)
                #expect(picks.count == 10 && !picks.contains { $0.id == entry.track.id })
                let energies = picks.compactMap { sandbox.state.catalog.entry(id: $0.id)?.features.energy }
                return energies.reduce(0, +) / Double(energies.count)
            }
            let nudged = try await meanEnergy(["energy": 0.95])
            let plain = try await meanEnergy([:])
            #expect(nudged > plain + 0.1)
        }
    }

    // MARK: - Faults

    @Test func waitsOutAShortRateLimitAndRetries() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            await sandbox.state.queueFaults([.init(status: 429, retryAfter: 1)])
            let started = ContinuousClock.now
            #expect(try await client.me().id == SandboxUsers.listener)
            #expect(ContinuousClock.now - started >= .seconds(1))
        }
    }

    @Test func givesUpOnALongRateLimitAndOnASpentQuota() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            await sandbox.state.queueFaults([.init(status: 429, retryAfter: 120)])
            await #expect(throws: SpotifyError.rateLimited(retryAfterSeconds: 120)) { _ = try await client.me() }
            await sandbox.state.queueFaults([.init(status: 429, retryAfter: 1, reason: "QUOTA_EXCEEDED")])
            let before = await sandbox.state.apiRequestCount
            await #expect(throws: SpotifyError.quotaExceeded) { _ = try await client.me() }
            #expect(await sandbox.state.apiRequestCount - before == 1)
        }
    }

    @Test func retriesServerErrorsABoundedNumberOfTimes() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            await sandbox.state.queueFaults([.init(status: 500), .init(status: 503)])
            #expect(try await client.me().id == SandboxUsers.listener)
            await sandbox.state.queueFaults(Array(repeating: .init(status: 502), count: 4))
            let before = await sandbox.state.apiRequestCount
            await #expect {
                _ = try await client.me()
            } throws: { error in
                guard case SpotifyError.server(502, _) = error else { return false }
                return true
            }
            #expect(await sandbox.state.apiRequestCount - before == 4)
        }
    }

    @Test func refreshesOnceAfterA401AndKeepsTheRotatedRefreshToken() async throws {
        try await SandboxFixture.run { sandbox in
            let saved = Mutex<[UserTokens.Snapshot?]>([])
            let client = try await sandbox.client { snapshot in saved.withLock { $0.append(snapshot) } }
            _ = try await client.me()
            await sandbox.state.expireAccessTokens()
            #expect(try await client.me().id == SandboxUsers.listener)
            let snapshots = saved.withLock { $0 }
            #expect(snapshots.count == 1)
            let rotated = try #require(snapshots.first??.refreshToken)
            // The rotated refresh token is the one that works now.
            #expect(try await sandbox.accounts.refresh(rotated).accessToken.isEmpty == false)
        }
    }

    @Test func anInvalidGrantMeansLoggingInAgain() async throws {
        try await SandboxFixture.run { sandbox in
            let saved = Mutex<[UserTokens.Snapshot?]>([])
            let client = try await sandbox.client { snapshot in saved.withLock { $0.append(snapshot) } }
            await sandbox.state.revokeRefreshTokens()
            await sandbox.state.expireAccessTokens()
            await #expect(throws: SpotifyError.loginExpired) { _ = try await client.me() }
            #expect(saved.withLock { $0 } == [nil])
            #expect(SpotifyError.loginExpired.errorDescription?.contains("setlist auth login") == true)
        }
    }

    @Test func runsIndependentRequestsAFewAtATime() async throws {
        try await SandboxFixture.run { sandbox in
            let client = try await sandbox.client()
            let inFlight = Mutex((now: 0, most: 0))
            let results = try await client.concurrentMap(Array(0..<30)) { index in
                inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                try await Task.sleep(for: .milliseconds(5))
                inFlight.withLock { $0.now -= 1 }
                return index * 2
            }
            #expect(results == (0..<30).map { $0 * 2 })
            #expect(inFlight.withLock { $0.most } <= client.concurrency)
            #expect(inFlight.withLock { $0.most } > 1)
        }
    }
}
