import MCP
import ServerKit

/// `create_playlist`: an empty playlist of the listener's, made once even when Spotify's
/// answer is lost.
enum CreatePlaylist {
    struct Input: ToolInput {
        let name: String
        let description: String?
        let isPublic: Bool

        private enum CodingKeys: String, CodingKey {
            case name, description
            case isPublic = "public"
        }

        static let schema = JSONSchema.object([
            "name": .string("The playlist's name", minLength: 1),
            "description": .string().optional,
            "public": .boolean("Whether it shows on the listener's profile").defaulting(to: false),
        ])
    }

    struct Output: ToolOutput {
        let playlistID: String
        let url: String

        private enum CodingKeys: String, CodingKey {
            case playlistID = "playlist_id"
            case url
        }

        static let outputSchema = JSONSchema.object(["playlist_id": .string(), "url": .string()])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "create_playlist", title: "Create a playlist",
            description: "Creates an empty playlist for the logged-in listener and returns its id and URL.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let client = try await spotify.userClient()
            let playlist = try await client.createPlaylistOnce(name: input.name, isPublic: input.isPublic, description: input.description)
            return Output(playlistID: playlist.id, url: playlist.url)
        }
    }
}
