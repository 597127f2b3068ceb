import MCP
import ServerKit
import SpotifyAPI

/// `start_playback`: plays a playlist or tracks on the ready device, confirmed by
/// reading the player back (Spotify can accept a play command and not play).
enum StartPlayback {
    struct Input: ToolInput {
        let playlistID: String?
        let trackIDs: [String]

        private enum CodingKeys: String, CodingKey {
            case playlistID = "playlist_id"
            case trackIDs = "track_ids"
        }

        static let schema = JSONSchema.object([
            "playlist_id": .string("A playlist to play (id, URI or link)").optional,
            "track_ids": .array(of: .string(), "Tracks to play instead, in order", maxItems: 100).defaulting(to: []),
        ])
    }

    struct Output: ToolOutput {
        let status: String
        let device: String
        let nowPlaying: String?

        private enum CodingKeys: String, CodingKey {
            case status, device
            case nowPlaying = "now_playing"
        }

        static let outputSchema = JSONSchema.object([
            "status": .string(oneOf: ["playing"]),
            "device": .string(),
            "now_playing": .string("The track playing, as the player reports it").optional,
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "start_playback", title: "Start playback",
            description: "Plays a playlist (playlist_id) or tracks (track_ids) on the listener's ready device, moving playback "
                + "there first if needed, and confirms by reading the player back.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let tracks = try TrackReference.uris(input.trackIDs, argument: "track_ids")
            guard (input.playlistID == nil) != tracks.isEmpty else {
                throw ToolFailure("Say what to play: playlist_id, or track_ids, not both.")
            }
            let context = try input.playlistID.map { "spotify:playlist:\(try PlaylistReference.id($0))" }
            let client = try await spotify.userClient()
            let ready = try await EnsureDeviceReady.ready(client)
            guard ready.status.canPlay else { throw ToolFailure(ready.message) }
            try await client.play(uris: context == nil ? tracks : nil, contextURI: context)
            let state = try await PlayerReadBack.state(client) { state in
                state?.isPlaying == true && (context == nil || state?.context?.uri == context)
            }
            guard let state, state.isPlaying else {
                throw SpotifyServerError.unconfirmedPlayback("the player reports nothing playing")
            }
            if let context, state.context?.uri != context {
                throw SpotifyServerError.unconfirmedPlayback("the player plays \(state.context?.uri ?? "something else"), not \(context)")
            }
            return Output(status: "playing", device: state.device.name, nowPlaying: state.item.map { "\($0.name) — \($0.artists.map(\.name).joined(separator: ", "))" })
        }
    }
}
