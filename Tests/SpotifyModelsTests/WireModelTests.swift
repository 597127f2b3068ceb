import Foundation
import Testing

@testable import SpotifyModels

/// Spotify's answers as they look in 2026 and as they looked before; both must decode.
@Suite struct WireModelTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try SpotifyJSON.decoder().decode(type, from: Data(json.utf8))
    }

    static let track2026 = #"""
        {"id":"4uLU6hMCjMI75M1A2tKUQC","name":"Lluvia de Domingo","uri":"spotify:track:4uLU6hMCjMI75M1A2tKUQC",
         "duration_ms":213000,"explicit":false,"external_ids":{"isrc":"ZZSBX2600001"},
         "artists":[{"id":"a1","name":"Los Faroles Azules","uri":"spotify:artist:a1"}],
         "album":{"id":"al1","name":"Sesiones","uri":"spotify:album:al1","release_date":"2026-03-01"}}
        """#

    @Test func readsATrackWithoutTheFieldsRemovedIn2026() throws {
        let track = try decode(Track.self, Self.track2026)
        #expect(track.popularity == nil)
        #expect(track.previewUrl == nil)
        #expect(track.externalIds?.isrc == "ZZSBX2600001")
        #expect(track.artists.map(\.name) == ["Los Faroles Azules"])
        #expect(track.album?.releaseDate == "2026-03-01")
    }

    @Test func readsAnOlderTrackWithPopularityAndPreview() throws {
        let track = try decode(
            Track.self,
            #"{"id":"t","name":"n","uri":"spotify:track:t","duration_ms":1,"popularity":71,"preview_url":"https://p.scdn.co/x","artists":[],"available_markets":["ES"]}"#)
        #expect(track.popularity == 71)
        #expect(track.previewUrl == "https://p.scdn.co/x")
    }

    @Test func readsPlaylistEntriesUnderItemOrTrack() throws {
        let newer = try decode(Paging<PlaylistItem>.self, #"{"items":[{"added_at":"2026-01-01T00:00:00Z","item":\#(Self.track2026)}],"limit":100,"offset":0,"total":1}"#)
        let older = try decode(Paging<PlaylistItem>.self, #"{"items":[{"added_at":"2024-01-01T00:00:00Z","track":\#(Self.track2026)}],"limit":100,"offset":0,"total":1}"#)
        #expect(newer.items.first?.item?.id == "4uLU6hMCjMI75M1A2tKUQC")
        #expect(older.items.first?.item?.id == newer.items.first?.item?.id)
    }

    @Test func readsAPlaylistTotalUnderItemsOrTracks() throws {
        let newer = try decode(Playlist.self, #"{"id":"p","name":"Mix","owner":{"id":"u"},"items":{"total":12}}"#)
        let older = try decode(Playlist.self, #"{"id":"p","name":"Mix","owner":{"id":"u"},"tracks":{"href":"h","total":7}}"#)
        #expect(newer.items?.total == 12)
        #expect(older.items?.total == 7)
        #expect(newer.uri == "spotify:playlist:p")
        #expect(newer.url == "https://open.spotify.com/playlist/p")
    }

    @Test func writesThe2026Shape() throws {
        let entry = PlaylistItem(addedAt: "2026-01-01T00:00:00Z", item: try decode(Track.self, Self.track2026))
        let json = String(decoding: try SpotifyJSON.encoder().encode(entry), as: UTF8.self)
        #expect(json.contains(#""item":{"#))
        #expect(!json.contains(#""track""#))
        let playlist = Playlist(id: "p", name: "Mix", owner: .init(id: "u"), items: .init(total: 3))
        let playlistJSON = String(decoding: try SpotifyJSON.encoder().encode(playlist), as: UTF8.self)
        #expect(playlistJSON.contains(#""items":{"total":3}"#))
    }

    @Test func readsAUserWithoutEmailOrProduct() throws {
        let user = try decode(CurrentUser.self, #"{"id":"u1","display_name":"Ana","account_id":"acc-1"}"#)
        #expect(user.accountId == "acc-1")
        #expect(user.email == nil && user.product == nil)
    }

    @Test func readsPlayerAndErrorBodies() throws {
        let state = try decode(
            PlaybackState.self,
            #"{"device":{"id":"d1","name":"Kitchen","type":"Speaker","is_active":true,"is_restricted":false,"volume_percent":40},"is_playing":true}"#)
        #expect(state.device.isActive)
        let error = try decode(SpotifyErrorBody.self, #"{"error":{"status":404,"message":"Player command failed: No active device found","reason":"NO_ACTIVE_DEVICE"}}"#)
        #expect(error.error.reason == "NO_ACTIVE_DEVICE")
        let accounts = try decode(AccountsErrorBody.self, #"{"error":"invalid_grant","error_description":"Refresh token revoked"}"#)
        #expect(accounts.error == "invalid_grant")
    }

    @Test func readsLegacyAudioFeaturesWithGaps() throws {
        let list = try decode(
            AudioFeaturesList.self,
            #"{"audio_features":[null,{"id":"t","danceability":0.5,"energy":0.7,"valence":0.3,"tempo":120.0,"acousticness":0.1,"instrumentalness":0.0,"liveness":0.1,"loudness":-6.0,"speechiness":0.04,"key":5,"mode":1}]}"#)
        #expect(list.audioFeatures.count == 2)
        #expect(list.audioFeatures[0] == nil)
        #expect(list.audioFeatures[1]?.energy == 0.7)
    }
}
