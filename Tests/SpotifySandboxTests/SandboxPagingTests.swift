import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

/// Every paged route reads `offset` and `limit` as Spotify does: a value out of range
/// or not a number is a 400 in Spotify's error shape, and no value stops the sandbox.
@Suite struct SandboxPagingTests {
    static let outOfRange = [
        "9223372036854775807", "9223372036854775808", "99999999999999999999", "-1", "-9223372036854775808", "abc", "",
        "1.5", "0x10",
    ]

    /// A logged-in listener with a playlist of three tracks, and each paged route's path.
    func routes(_ sandbox: SandboxHarness) async throws -> (token: String, paths: [String]) {
        let token = try await sandbox.login().accessToken
        let created = try await sandbox.send(.post, "/v1/me/playlists", token: token, json: #"{"name":"Paged"}"#)
        let playlist = try sandbox.decode(Playlist.self, created)
        let uris = sandbox.state.catalog.entries.prefix(3).map { "\"\($0.track.uri)\"" }.joined(separator: ",")
        _ = try await sandbox.send(.post, "/v1/playlists/\(playlist.id)/items", token: token, json: "{\"uris\":[\(uris)]}")
        let track = sandbox.state.catalog.entries[0].track
        return (
            token,
            [
                "/v1/search?q=rain&type=track,artist", "/v1/me/top/tracks?time_range=short_term",
                "/v1/me/top/artists?time_range=long_term", "/v1/me/tracks?market=ES",
                "/v1/artists/\(track.artists[0].id)/albums?market=ES", "/v1/albums/\(track.album!.id)/tracks?market=ES",
                "/v1/playlists/\(playlist.id)/items?market=ES",
            ]
        )
    }

    @Test(arguments: ["offset", "limit"])
    func badNumbersAre400sOnEveryPagedRoute(parameter: String) async throws {
        try await SandboxHarness.run { sandbox in
            let (token, paths) = try await routes(sandbox)
            for path in paths + ["/v1/me/player/recently-played?before=1"] where parameter == "limit" || !path.contains("recently") {
                for value in Self.outOfRange {
                    let response = try await sandbox.get("\(path)&\(parameter)=\(value)", token: token)
                    #expect(response.status == .badRequest, "\(path) \(parameter)=\(value)")
                    let error = try sandbox.decode(SpotifyErrorBody.self, response).error
                    #expect(error == .init(status: 400, message: parameter == "offset" ? "Invalid offset" : "Invalid limit"))
                }
            }
            #expect(try await sandbox.get("/v1/me", token: token).status == .ok)
        }
    }

    @Test func anOffsetPastTheEndIsAnEmptyPage() async throws {
        try await SandboxHarness.run { sandbox in
            let (token, paths) = try await routes(sandbox)
            for path in paths {
                let offset = path.hasPrefix("/v1/search") ? 1000 : QueryReader.largestOffset
                let response = try await sandbox.get("\(path)&offset=\(offset)&limit=10", token: token)
                #expect(response.status == .ok, "\(path)")
                let page = try #require(try sandbox.json(response) as? [String: Any])
                let pages = path.hasPrefix("/v1/search") ? page.values.compactMap { $0 as? [String: Any] } : [page]
                for page in pages {
                    #expect((page["items"] as? [Any])?.isEmpty == true, "\(path)")
                    #expect(page["offset"] as? Int == offset && page["next"] as? String == nil, "\(path)")
                }
                let beyond = try await sandbox.get("\(path)&offset=\(offset + 1)", token: token)
                #expect(beyond.status == .badRequest, "\(path)")
            }
        }
    }

    @Test func pagesEndWhereTheListEnds() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            let last = try sandbox.decode(Paging<SavedTrack>.self, try await sandbox.get("/v1/me/tracks?offset=240&limit=50", token: token))
            #expect(last.items.count == 10 && last.next == nil && last.previous == "/v1/me/tracks?offset=190&limit=50")
            let full = try sandbox.decode(Paging<SavedTrack>.self, try await sandbox.get("/v1/me/tracks?offset=200&limit=50", token: token))
            #expect(full.items.count == 50 && full.next == nil)
            let early = try sandbox.decode(Paging<SavedTrack>.self, try await sandbox.get("/v1/me/tracks?offset=10&limit=50", token: token))
            #expect(early.next == "/v1/me/tracks?offset=60&limit=50" && early.previous == "/v1/me/tracks?offset=0&limit=50")
        }
    }

    @Test func legacyAndReccoBeatsCountsAreCheckedToo() async throws {
        try await SandboxHarness.run(SandboxOptions(mode: .legacy)) { sandbox in
            let token = try await sandbox.login().accessToken
            let id = sandbox.state.catalog.entries[0].track.id
            for value in Self.outOfRange {
                let legacy = try await sandbox.get("/v1/recommendations?seed_tracks=\(id)&limit=\(value)", token: token)
                #expect(legacy.status == .badRequest, "limit=\(value)")
                let recco = try await sandbox.get("/reccobeats/v1/track/recommendation?seeds=\(id)&size=\(value)")
                #expect(recco.status == .badRequest, "size=\(value)")
            }
        }
    }
}
