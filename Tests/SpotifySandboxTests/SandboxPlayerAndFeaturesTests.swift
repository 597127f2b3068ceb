import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

@Suite struct SandboxPlayerTests {
    @Test func playingNeedsAnActiveDeviceOrOneNamed() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login().accessToken
            #expect(try await sandbox.get("/v1/me/player", token: token).status == .noContent)
            let uri = sandbox.state.catalog.entries[0].track.uri
            let noDevice = try await sandbox.send(.put, "/v1/me/player/play", token: token, json: "{\"uris\":[\"\(uri)\"]}")
            #expect(noDevice.status == .notFound)
            #expect(try sandbox.decode(SpotifyErrorBody.self, noDevice).error.reason == "NO_ACTIVE_DEVICE")
            let devices = try sandbox.decode(DeviceList.self, try await sandbox.get("/v1/me/player/devices", token: token))
            let speaker = try #require(devices.devices.first?.id)
            #expect(try await sandbox.send(.put, "/v1/me/player", token: token, json: "{\"device_ids\":[\"\(speaker)\"]}").status == .noContent)
            #expect(try await sandbox.send(.put, "/v1/me/player/play", token: token, json: "{\"uris\":[\"\(uri)\"]}").status == .noContent)
            let state = try sandbox.decode(PlaybackState.self, try await sandbox.get("/v1/me/player", token: token))
            #expect(state.isPlaying && state.item?.uri == uri && state.device.isActive)
        }
    }

    @Test func freeAccountsGetPremiumRequired() async throws {
        try await SandboxHarness.run { sandbox in
            let token = try await sandbox.login(user: SandboxUsers.free).accessToken
            let response = try await sandbox.send(.put, "/v1/me/player/play", token: token, json: "{}")
            #expect(response.status == .forbidden)
            #expect(try sandbox.decode(SpotifyErrorBody.self, response).error.reason == "PREMIUM_REQUIRED")
        }
    }
}

@Suite struct SandboxReccoBeatsTests {
    struct Features: Decodable {
        struct Item: Decodable { let id: String; let href: String; let energy: Double }
        let content: [Item]
    }

    struct Recommendations: Decodable {
        struct Item: Decodable { let href: String; let trackTitle: String }
        let content: [Item]
    }

    @Test func servesFeaturesNamedByTheirSpotifyLink() async throws {
        try await SandboxHarness.run { sandbox in
            let entries = Array(sandbox.state.catalog.entries.prefix(3))
            let ids = entries.map(\.track.id).joined(separator: ",")
            let features = try sandbox.decode(Features.self, try await sandbox.get("/reccobeats/v1/audio-features?ids=\(ids),unknown"))
            #expect(features.content.map(\.href) == entries.map { "https://open.spotify.com/track/\($0.track.id)" })
            #expect(features.content.map(\.energy) == entries.map(\.features.energy))
            let many = (0..<41).map { "id\($0)" }.joined(separator: ",")
            #expect(try await sandbox.get("/reccobeats/v1/audio-features?ids=\(many)").status == .badRequest)
        }
    }

    @Test func recommendsTracksThatSoundLikeTheTargets() async throws {
        try await SandboxHarness.run { sandbox in
            let calm = try #require(sandbox.state.catalog.entries.first { $0.genre == "ambient" })
            let answer = try sandbox.decode(
                Recommendations.self,
                try await sandbox.get("/reccobeats/v1/track/recommendation?seeds=\(calm.track.id)&size=20&energy=0.1"))
            #expect(answer.content.count == 20)
            let energies = try answer.content.map { item in
                try #require(sandbox.state.catalog.entry(id: String(item.href.split(separator: "/").last!))).features.energy
            }
            #expect(energies.reduce(0, +) / Double(energies.count) < 0.3)
        }
    }
}
