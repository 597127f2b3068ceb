import MCP
import ServerKit
import SpotifyModels

/// `create_playlist_with_tracks`: a playlist and its tracks, 100 a call, each once and
/// in order; what could not be added is named.
enum CreatePlaylistWithTracks {
    struct Input: ToolInput {
        let name: String
        let description: String?
        let isPublic: Bool
        let trackIDs: [String]
        let mood: String?

        private enum CodingKeys: String, CodingKey {
            case name, description, mood
            case isPublic = "public"
            case trackIDs = "track_ids"
        }

        static let schema = JSONSchema.object([
            "name": .string("The playlist's name", minLength: 1),
            "description": .string().optional,
            "public": .boolean().defaulting(to: false),
            "track_ids": .array(of: .string(), "Track ids, URIs or links, in order", minItems: 1, maxItems: 10_000),
            "mood": .string("The moment the tracks were chosen for; the playlist is then remembered among past mixes").optional,
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, PlaylistOutput> {
        ToolDefinition(
            name: "create_playlist_with_tracks", title: "Create a playlist with tracks",
            description: "Creates a playlist and adds the tracks in order, 100 a call. Returns the playlist and exactly which "
                + "tracks were added; if adding stopped early, the result says why and lists the tracks left for add_to_playlist.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let uris = try TrackReference.uris(input.trackIDs, argument: "track_ids")
            let client = try await spotify.userClient()
            let playlist = try await client.createPlaylistOnce(name: input.name, isPublic: input.isPublic, description: input.description)
            let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0) { done, total in
                ToolProgress.report(Double(done), of: Double(total), "Added \(done) of \(total) tracks")
            }
            if let mood = input.mood, !mood.isEmpty {
                var tracks: [Track] = []
                for uri in append.added {
                    if let track = await spotify.recommendedTrack(TrackReference.id(fromURI: uri)) { tracks.append(track) }
                }
                let builder = MixBuilder(spotify: spotify)
                await builder.record(
                    prompt: mood, target: builder.target(for: mood), playlist: playlist, added: append.added, tracks: tracks)
            }
            return PlaylistOutput(playlist: playlist, append: append)
        }
    }
}
