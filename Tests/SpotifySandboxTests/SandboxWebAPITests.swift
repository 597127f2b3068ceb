import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

/// The sandbox's Web API as a 2026 development-mode app sees it, and as a legacy app does.
@Suite struct SandboxWebAPITests {
    @Test func answersTheUserWithoutRemovedFields() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let me = try sandbox.decode(CurrentUser.self, try await sandbox.get("/v1/me", token: token))
            #expect(me.id == SandboxUsers.listener)
            #expect(me.accountId != nil)
            #expect(try await sandbox.get("/v1/me").status == .unauthorized)
        }
    }

    @Test func refusesUsersMissingFromTheDashboard() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login(user: SandboxUsers.stranger).accessToken
            let response = try await sandbox.get("/v1/me", token: token)
            #expect(response.status == .forbidden)
            #expect(try sandbox.decode(SpotifyErrorBody.self, response).error.message == "User not registered in the Developer Dashboard")
        }
    }

    @Test func searchesWithTheLimitsOf2026() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let results = try sandbox.decode(
                SearchResults.self, try await sandbox.get("/v1/search?q=lluvia&type=track&limit=10&offset=0", token: token))
            let tracks = try #require(results.tracks)
            #expect(tracks.items.count == 10 && tracks.total > 10)
            #expect(tracks.items.allSatisfy { $0.name.lowercased().contains("lluvia") || $0.artists[0].name.lowercased().contains("lluvia") })
            #expect(tracks.items.allSatisfy { $0.popularity == nil })
            let tooMany = try await sandbox.get("/v1/search?q=lluvia&type=track&limit=11", token: token)
            #expect(tooMany.status == .badRequest)
            #expect(try sandbox.decode(SpotifyErrorBody.self, tooMany).error.message == "Invalid limit")
            #expect(try await sandbox.get("/v1/search?q=rain&type=track&offset=1001", token: token).status == .badRequest)
            let accents = try sandbox.decode(SearchResults.self, try await sandbox.get("/v1/search?q=genre%3Asalsa%20cafe&type=track", token: token))
            #expect(accents.tracks?.items.isEmpty == false)
        }
    }

    @Test func pagesTheListenersHistory() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let first = try sandbox.decode(Paging<Track>.self, try await sandbox.get("/v1/me/top/tracks?limit=50&offset=0", token: token))
            let second = try sandbox.decode(Paging<Track>.self, try await sandbox.get("/v1/me/top/tracks?limit=50&offset=50", token: token))
            #expect(first.total == 300 && first.items.count == 50 && first.next != nil)
            #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))
            #expect(try await sandbox.get("/v1/me/top/tracks?limit=51", token: token).status == .badRequest)
            let recent = try sandbox.decode(CursorPaging<PlayHistory>.self, try await sandbox.get("/v1/me/player/recently-played?limit=50", token: token))
            #expect(recent.items.count == 50)
            let saved = try sandbox.decode(Paging<SavedTrack>.self, try await sandbox.get("/v1/me/tracks?limit=50", token: token))
            #expect(saved.total == 250)
        }
    }

    @Test func needsTheScopeForEachCall() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login(scopes: ["user-read-private"]).accessToken
            let response = try await sandbox.get("/v1/me/top/tracks", token: token)
            #expect(response.status == .forbidden)
            #expect(try sandbox.decode(SpotifyErrorBody.self, response).error.message == "Insufficient client scope")
        }
    }

    @Test func refusesWhatSpotifyRestrictedIn2026() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let id = sandbox.state.catalog.entries[0].track.id
            for uri in ["/v1/recommendations?seed_tracks=\(id)", "/v1/audio-features?ids=\(id)", "/v1/tracks?ids=\(id)",
                        "/v1/artists/\(sandbox.state.catalog.artists[0].id)/top-tracks"] {
                #expect(try await sandbox.get(uri, token: token).status == .forbidden, "\(uri)")
            }
            let oldCreate = try await sandbox.send(.post, "/v1/users/\(SandboxUsers.listener)/playlists", token: token, json: #"{"name":"x"}"#)
            #expect(oldCreate.status == .forbidden)
        }
    }

    @Test func legacyAppsKeepTheOldEndpoints() async throws {
        try await SandboxHarness.run(SandboxOptions(mode: .legacy)) { sandbox in
            let token = try await sandbox.login().accessToken
            let entry = sandbox.state.catalog.entries[0]
            let features = try sandbox.decode(AudioFeaturesList.self, try await sandbox.get("/v1/audio-features?ids=\(entry.track.id),unknown", token: token))
            #expect(features.audioFeatures.first??.energy == entry.features.energy)
            #expect(features.audioFeatures.last! == nil)
            let recommendations = try await sandbox.get("/v1/recommendations?seed_tracks=\(entry.track.id)&limit=5", token: token)
            #expect(recommendations.status == .ok)
            let search = try sandbox.decode(SearchResults.self, try await sandbox.get("/v1/search?q=rain&type=track&limit=20", token: token))
            #expect(search.tracks?.items.first?.popularity != nil)
        }
    }

    @Test func createsPlaylistsAndAddsAtMostAHundredAtATime() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let created = try await sandbox.send(.post, "/v1/me/playlists", token: token, json: #"{"name":"Rainy Sunday","public":false,"description":"slow coffee"}"#)
            #expect(created.status == .created)
            let playlist = try sandbox.decode(Playlist.self, created)
            #expect(playlist.owner.id == SandboxUsers.listener && playlist.public == false)
            let uris = sandbox.state.catalog.entries.prefix(101).map { "\"\($0.track.uri)\"" }
            let tooMany = try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: "{\"uris\":[\(uris.joined(separator: ","))]}")
            #expect(tooMany.status == .badRequest)
            let added = try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: "{\"uris\":[\(uris.prefix(3).joined(separator: ","))]}")
            #expect(added.status == .created)
            let items = try sandbox.decode(Paging<PlaylistItem>.self, try await sandbox.get("/v1/playlists/\(playlist.id)/items", token: token))
            #expect(items.items.compactMap(\.item?.uri) == sandbox.state.catalog.entries.prefix(3).map(\.track.uri))
            #expect(try await sandbox.get("/v1/playlists/\(playlist.id)/tracks", token: token).status == .forbidden)
            let other = try await sandbox.login(user: SandboxUsers.bot).accessToken
            #expect(try await sandbox.get("/v1/playlists/\(playlist.id)/items", token: other).status == .forbidden)
            let bad = try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: #"{"uris":["spotify:track:nope"]}"#)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func queuedAndRandomFaultsAnswerBeforeAnythingElse() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            await sandbox.state.queueFaults([.init(status: 429, retryAfter: 2), .init(status: 429, retryAfter: 3600, reason: "QUOTA_EXCEEDED"), .init(status: 503)])
            let limited = try await sandbox.get("/v1/me", token: token)
            #expect(limited.status == .tooManyRequests && limited.headers[.retryAfter] == "2")
            let quota = try await sandbox.get("/v1/me", token: token)
            #expect(try sandbox.decode(SpotifyErrorBody.self, quota).error.reason == "QUOTA_EXCEEDED")
            #expect(try await sandbox.get("/v1/me", token: token).status == .serviceUnavailable)
            #expect(try await sandbox.get("/v1/me", token: token).status == .ok)
        }
        try await SandboxHarness.run(SandboxOptions(faults: try FaultPlan(parsing: "500:1"))) { sandbox in
            let response = try await sandbox.get("/v1/me", token: "any")
            #expect(response.status == .internalServerError)
        }
    }

    @Test func aLostAnswerLeavesTheChangeMade() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let playlist = try sandbox.decode(
                Playlist.self, try await sandbox.send(.post, "/v1/me/playlists", token: token, json: #"{"name":"Lost"}"#))
            let uris = sandbox.state.catalog.entries.prefix(2).map(\.track.uri)
            let body = "{\"uris\":[\(uris.map { "\"\($0)\"" }.joined(separator: ","))]}"
            await sandbox.state.queueFaults([.init(lost: .serverError), .init(lost: .dropped)])
            #expect(try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: body).status == .internalServerError)
            await #expect(throws: (any Error).self) {
                let answer = try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: body)
                guard answer.body.readableBytes == 64 else { throw CancellationError() }
            }
            // The dropped connection took the test client's with it: read the state itself.
            let ids = sandbox.state.catalog.entries.prefix(2).map(\.track.id)
            #expect(await sandbox.state.trackIDs(inPlaylist: playlist.id) == ids + ids)
        }
    }

    @Test func listsTheUsersOwnPlaylistsNewestFirst() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            for (name, isPublic) in [("First", true), ("Second", false), ("Third", true)] {
                _ = try await sandbox.send(.post, "/v1/me/playlists", token: token, json: #"{"name":"\#(name)","public":\#(isPublic)}"#)
            }
            let other = try await sandbox.login(user: SandboxUsers.bot).accessToken
            _ = try await sandbox.send(.post, "/v1/me/playlists", token: other, json: #"{"name":"Not yours"}"#)
            let mine = try sandbox.decode(Paging<Playlist>.self, try await sandbox.get("/v1/me/playlists?limit=50", token: token))
            #expect(mine.items.map(\.name) == ["Third", "Second", "First"])
            let publicOnly = try await sandbox.login(scopes: SandboxHarness.allScopes.filter { $0 != "playlist-read-private" }).accessToken
            let visible = try sandbox.decode(Paging<Playlist>.self, try await sandbox.get("/v1/me/playlists", token: publicOnly))
            #expect(visible.items.map(\.name) == ["Third", "First"])
        }
    }

    @Test func expiredAccessTokensAre401() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            await sandbox.state.expireAccessTokens()
            let response = try await sandbox.get("/v1/me", token: token)
            #expect(response.status == .unauthorized)
            #expect(try sandbox.decode(SpotifyErrorBody.self, response).error.message == "The access token expired")
        }
    }
}

@Suite struct FaultPlanTests {
    @Test func readsStatusesAndProbabilities() throws {
        #expect(
            try FaultPlan(parsing: "429:0.05,500:0.02,quota:0.01,lost:0.1").faults.map(\.kind)
                == [.status(429), .status(500), .quotaSpent, .lost])
        for bad in ["429", "404:0.1", "500:2", "x:0.1", "lost", "0:0.1"] {
            #expect(throws: SandboxSetupError.self) { try FaultPlan(parsing: bad) }
        }
    }
}
