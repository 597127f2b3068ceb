import MCP
import ServerKit

/// `add_to_playlist`: tracks appended to a playlist, each once, in order; the result
/// says exactly what was added, and what is left when a call fails.
enum AddToPlaylist {
    struct Input: ToolInput {
        let playlistID: String
        let trackIDs: [String]

        private enum CodingKeys: String, CodingKey {
            case playlistID = "playlist_id"
            case trackIDs = "track_ids"
        }

        static let schema = JSONSchema.object([
            "playlist_id": .string("The playlist's id, URI or link", minLength: 1),
            "track_ids": .array(of: .string(), "Track ids, URIs or links, in order", minItems: 1, maxItems: 10_000),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, PlaylistOutput> {
        ToolDefinition(
            name: "add_to_playlist", title: "Add tracks to a playlist",
            description: "Appends tracks to one of the listener's playlists, in order, 100 a call. Returns exactly which tracks "
                + "were added; if a call fails, the error and the tracks left, so calling again with those finishes the job.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let playlistID = try PlaylistReference.id(input.playlistID)
            let uris = try TrackReference.uris(input.trackIDs, argument: "track_ids")
            let client = try await spotify.userClient()
            let playlist = try await client.playlist(playlistID)
            let append = await client.appendToPlaylist(playlistID, uris: uris, count: playlist.items?.total) { done, total in
                ToolProgress.report(Double(done), of: Double(total), "Added \(done) of \(total) tracks")
            }
            return PlaylistOutput(playlist: playlist, append: append)
        }
    }
}
