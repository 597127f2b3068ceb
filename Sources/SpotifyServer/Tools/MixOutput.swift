import Curation
import ServerKit

/// A mix made into a playlist: the playlist, what went in, and the mood it was made for.
struct MixOutput: ToolOutput {
    let playlist: PlaylistOutput
    let mood: MoodOutput
    let tracks: [RecommendedTrack]
    let notes: [String]

    var isFailure: Bool { playlist.error != nil }

    static let outputSchema = JSONSchema.object([
        "playlist": PlaylistOutput.schema,
        "mood": MoodOutput.schema,
        "tracks": .array(of: RecommendedTrack.schema, "The tracks chosen, in playlist order"),
        "notes": .array(of: .string()),
    ])

    init(_ publication: MixBuilder.Publication, mood: Mood, recommendation: Recommendation) {
        playlist = PlaylistOutput(playlist: publication.playlist, append: publication.append)
        self.mood = MoodOutput(mood)
        tracks = recommendation.picks.map(RecommendedTrack.init)
        notes = recommendation.notes
    }
}

/// The arguments of the tools that make a mix from a prompt.
struct MixInput: ToolInput {
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
