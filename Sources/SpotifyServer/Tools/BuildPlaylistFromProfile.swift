import MCP
import ServerKit

/// `build_playlist_from_profile`: a playlist for a mood from what the listener already
/// plays: top tracks, top artists, recent and saved tracks.
enum BuildPlaylistFromProfile {
    struct Input: ToolInput {
        let moodPrompt: String
        let name: String?
        let isPublic: Bool
        let limit: Int

        private enum CodingKeys: String, CodingKey {
            case moodPrompt = "mood_prompt"
            case name
            case isPublic = "public"
            case limit
        }

        static let schema = JSONSchema.object([
            "mood_prompt": .string("The moment, in words: \"música para entrenar fuerte\"", minLength: 1),
            "name": .string("The playlist's name; by default made from the prompt").optional,
            "public": .boolean().defaulting(to: false),
            "limit": .integer("How many tracks", minimum: 1, maximum: 100).defaulting(to: 25),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, MixOutput> {
        ToolDefinition(
            name: "build_playlist_from_profile", title: "Build a playlist from the listener's profile",
            description: "Builds a playlist that fits mood_prompt from the listener's own top tracks, top artists, recent and "
                + "saved tracks (and recommendations seeded with them), and saves it to their account.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let client = try await spotify.userClient()
            let builder = MixBuilder(spotify: spotify)
            let (mood, recommendation) = await builder.recommend(
                prompt: input.moodPrompt, count: input.limit, historyOnly: true, client: client)
            let publication = try await builder.publish(
                recommendation, prompt: input.moodPrompt, name: input.name, isPublic: input.isPublic, client: client)
            return MixOutput(publication, mood: mood, recommendation: recommendation)
        }
    }
}
