import MCP
import ServerKit

/// `create_public_mix`: a public playlist for a mood, made by Setlist's bot account, so
/// anyone can be given a mix without logging in.
enum CreatePublicMix {
    struct Input: ToolInput {
        let moodPrompt: String
        let name: String?
        let limit: Int

        private enum CodingKeys: String, CodingKey {
            case moodPrompt = "mood_prompt"
            case name, limit
        }

        static let schema = JSONSchema.object([
            "mood_prompt": .string("The moment, in words", minLength: 1),
            "name": .string("The playlist's name; by default made from the prompt").optional,
            "limit": .integer("How many tracks", minimum: 1, maximum: 100).defaulting(to: 25),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, MixOutput> {
        ToolDefinition(
            name: "create_public_mix", title: "Create a public mix",
            description: "Makes a public playlist for mood_prompt with Setlist's bot account (set up once with "
                + "`setlist auth login --bot`); the listener need not log in.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let client = try await spotify.botClient()
            let builder = MixBuilder(spotify: spotify)
            let (mood, recommendation) = await builder.recommend(prompt: input.moodPrompt, count: input.limit, client: client)
            let publication = try await builder.publish(
                recommendation, prompt: input.moodPrompt, name: input.name, isPublic: true, client: client)
            return MixOutput(publication, mood: mood, recommendation: recommendation)
        }
    }
}
