import MCP
import ServerKit

/// `create_playlist_with_tracks`: a playlist and its tracks, 100 a call, each once and
/// in order; what could not be added is named.
enum CreatePlaylistWithTracks {
    struct Input: ToolInput {
        let name: String
        let description: String?
        let isPublic: Bool
        let trackIDs: [String]

        private enum CodingKeys: String, CodingKey {
            case name, description
            case isPublic = "public"
            case trackIDs = "track_ids"
        }

        static let schema = JSONSchema.object([
            "name": .string("The playlist's name", minLength: 1),
            "description": .string().optional,
            "public": .boolean().defaulting(to: false),
            "track_ids": .array(of: .string(), "Track ids, URIs or links, in order", minItems: 1),
        ])
    }

    struct Output: ToolOutput {
        let playlist: PlaylistOutput
        static let outputSchema = PlaylistOutput.schema
        var isFailure: Bool { playlist.error != nil }

        func encode(to encoder: any Encoder) throws {
            try playlist.encode(to: encoder)
        }
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "create_playlist_with_tracks", title: "Create a playlist with tracks",
            description: "Creates a playlist and adds the tracks in order, 100 a call. Returns the playlist and exactly which "
                + "tracks were added; if adding stopped early, the result says why and lists the tracks left for add_to_playlist.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let client = try await spotify.userClient()
            let playlist = try await client.createPlaylistOnce(name: input.name, isPublic: input.isPublic, description: input.description)
            let uris = TrackReference.ids(input.trackIDs).map { "spotify:track:\($0)" }
            let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0) { done, total in
                ToolProgress.report(Double(done), of: Double(total), "Added \(done) of \(total) tracks")
            }
            return Output(playlist: PlaylistOutput(playlist: playlist, append: append))
        }
    }
}
