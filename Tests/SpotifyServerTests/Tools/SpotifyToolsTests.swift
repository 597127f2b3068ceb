import AsyncHTTPClient
import Curation
import Foundation
import Logging
import MCP
import ServerKit
import SpotifyAPI
import SpotifySandbox
import Testing

@testable import SpotifyServer

/// Every tool of the Spotify server, called as a client calls it, on an embedded sandbox.
@Suite(.serialized) struct SpotifyToolsTests {
    /// A server on a fresh embedded sandbox, with its own token and data folders.
    static func withServer(_ body: (MCPService) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-spotify-\(UUID().uuidString)").path
        let (service, stop) = SpotifyServer.service(
            .configured(nil), store: TokenStore(directory: folder + "/tokens"), dataDirectory: folder + "/data",
            clock: FixedClock(), logger: Logger(label: "test"))
        do {
            try await body(service)
        } catch {
            await stop()
            throw error
        }
        await stop()
    }

    static func call(_ service: MCPService, _ name: String, _ arguments: [String: Value] = [:]) async throws -> Value {
        let result = try await service.callTool(named: name, arguments: arguments)
        guard result.isError != true else {
            throw ToolFailure("\(name) failed: \(result.content)")
        }
        return try #require(result.structuredContent)
    }

    @Test func listsTheThirteenToolsAndStartPlayback() async throws {
        try await Self.withServer { service in
            let names = Set(service.tools.map(\.name))
            let seed: Set = [
                "whoami", "auth_begin", "auth_complete", "search_track", "analyze_mood", "get_recommendations", "explain_selection",
                "build_playlist_from_profile", "create_playlist", "create_playlist_with_tracks", "add_to_playlist",
                "ensure_device_ready", "create_public_mix",
            ]
            #expect(seed.isSubset(of: names))
            #expect(names.contains("start_playback"))
            let creating = service.tools.filter { ["create_playlist", "add_to_playlist"].contains($0.name) }
            #expect(creating.allSatisfy { $0.descriptor.annotations.readOnlyHint == false && $0.descriptor.annotations.destructiveHint == false })
        }
    }

    @Test func whoamiNamesTheSandboxListener() async throws {
        try await Self.withServer { service in
            let me = try await Self.call(service, "whoami")
            #expect(me["connected"] == .bool(true))
            #expect(me["session"] == .string("sandbox"))
            #expect(me["user_id"] == .string(SandboxUsers.listener))
        }
    }

    @Test func analyzesAMoodWithoutLoggingIn() async throws {
        try await Self.withServer { service in
            let mood = try await Self.call(service, "analyze_mood", ["prompt": "no estoy triste, estoy contento 120 bpm"])
            #expect((mood["valence"]?.doubleValue ?? 0) > 0.5)
            #expect(mood["tempo"] == .double(120))
            #expect(mood["language"] == .string("spanish"))
            #expect(mood["explanation"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func searchesAndRecommendsAndExplains() async throws {
        try await Self.withServer { service in
            let found = try await Self.call(service, "search_track", ["query": "genre:jazz", "limit": 15])
            #expect(found["tracks"]?.arrayValue?.count == 15)
            let mix = try await Self.call(service, "get_recommendations", ["mood": "rainy sunday, slow coffee", "limit": 20])
            let tracks = try #require(mix["tracks"]?.arrayValue)
            #expect(tracks.count == 20)
            #expect(tracks.allSatisfy { $0["features"]?["source"] == .string("ReccoBeats' audio analysis") })
            let ids = tracks.compactMap { $0["id"] }
            let explained = try await Self.call(service, "explain_selection", ["tracks": .array(Array(ids.prefix(3))), "context": "rainy sunday"])
            #expect(explained["tracks"]?.arrayValue?.count == 3)
            #expect(explained["text"]?.stringValue?.contains("ReccoBeats") == true)
        }
    }

    @Test func makesPlaylistsWithEveryTrackOnce() async throws {
        try await Self.withServer { service in
            let mix = try await Self.call(service, "get_recommendations", ["mood": "party", "limit": 30])
            let ids = try #require(mix["tracks"]?.arrayValue).compactMap { $0["id"] }
            let made = try await Self.call(service, "create_playlist_with_tracks", ["name": "Party", "track_ids": .array(ids)])
            #expect(made["added"] == .array(ids))
            #expect(made["remaining"] == .array([]))
            let playlist = try #require(made["playlist_id"])
            let more = try await Self.call(service, "add_to_playlist", ["playlist_id": playlist, "track_ids": .array(Array(ids.prefix(2)))])
            #expect(more["added_count"] == .int(2))
            let empty = try await Self.call(service, "create_playlist", ["name": "Later", "public": true])
            #expect(empty["url"]?.stringValue?.hasPrefix("https://open.spotify.com/playlist/") == true)
        }
    }

    @Test func buildsMixesFromTheProfileAndPublicOnesAsTheBot() async throws {
        try await Self.withServer { service in
            let mine = try await Self.call(service, "build_playlist_from_profile", ["mood_prompt": "calm focus", "limit": 15])
            #expect(mine["playlist"]?["added_count"] == .int(15))
            let published = try await Self.call(service, "create_public_mix", ["mood_prompt": "happy summer road trip", "limit": 10])
            #expect(published["playlist"]?["added_count"] == .int(10))
            let resources = try await service.resources?.list() ?? []
            #expect(resources.count == 3)
        }
    }

    @Test func getsADeviceReadyAndPlaysAPlaylist() async throws {
        try await Self.withServer { service in
            let first = try await Self.call(service, "ensure_device_ready")
            #expect(first["status"] == .string("transferred"))
            #expect(try await Self.call(service, "ensure_device_ready")["status"] == .string("ready"))
            let ids = try #require(try await Self.call(service, "search_track", ["query": "genre:funk", "limit": 3])["tracks"]?.arrayValue)
                .compactMap { $0["id"] }
            let made = try await Self.call(service, "create_playlist_with_tracks", ["name": "Now", "track_ids": .array(ids)])
            let playing = try await Self.call(service, "start_playback", ["playlist_id": try #require(made["playlist_id"])])
            #expect(playing["status"] == .string("playing"))
        }
    }

    @Test func logsInOverMCPWithTheStateChecked() async throws {
        try await Self.withServer { service in
            let begun = try await Self.call(service, "auth_begin")
            let url = try #require(begun["authorize_url"]?.stringValue)
            let browser = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
            defer { Task { try? await browser.shutdown() } }
            let answer = try await browser.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
            let landed = try #require(answer.headers.first(name: "Location"))
            let forged = landed.replacingOccurrences(of: "state=", with: "state=x")
            let refused = try await service.callTool(named: "auth_complete", arguments: ["redirect_url": .string(forged)])
            #expect(refused.isError == true)
            let done = try await Self.call(service, "auth_complete", ["redirect_url": .string(landed)])
            #expect(done["user_id"] == .string(SandboxUsers.listener))
            #expect(try await Self.call(service, "whoami")["connected"] == .bool(true))
        }
    }

    @Test func badArgumentsSayWhatToChange() async throws {
        try await Self.withServer { service in
            let result = try await service.callTool(named: "get_recommendations", arguments: ["limit": 500])
            #expect(result.isError == true)
            let nothing = try await service.callTool(named: "start_playback", arguments: [:])
            #expect(nothing.isError == true)
        }
    }
}

/// A Wednesday afternoon, whatever the machine's clock says.
struct FixedClock: DayClock {
    func now() -> DayTime { DayTime(hour: 15, weekday: 4) }
}
