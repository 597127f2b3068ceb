import Curation
import MCP
import ServerKit

/// `analyze_mood`: a prompt in English or Spanish read as Spotify's mood scales, with
/// the words that moved each value.
enum AnalyzeMood {
    struct Input: ToolInput {
        let prompt: String
        static let schema = JSONSchema.object([
            "prompt": .string("The moment, in English or Spanish: \"rainy Sunday, slow coffee\"", minLength: 1)
        ])
    }

    /// The mood itself, at the top level, as the original `analyze_mood` returned it.
    struct Output: ToolOutput {
        let mood: MoodOutput
        static let outputSchema = MoodOutput.schema

        func encode(to encoder: any Encoder) throws {
            try mood.encode(to: encoder)
        }
    }

    static func definition() -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "analyze_mood", title: "Analyze mood",
            description: "Reads a prompt (English, Spanish or both; negation, intensifiers, tempos, emoji) as Spotify's "
                + "mood scales: valence, energy, danceability, tempo, plus tags, genres and activity, and explains which "
                + "words moved which value. Deterministic; needs no login.",
            annotations: Tool.Annotations(readOnlyHint: true, idempotentHint: true, openWorldHint: false)
        ) { input in
            Output(mood: MoodOutput(MoodAnalyzer().analyze(input.prompt)))
        }
    }
}
