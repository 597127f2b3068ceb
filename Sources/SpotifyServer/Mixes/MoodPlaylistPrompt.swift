import MCP
import ServerKit

/// The `mood_playlist` prompt: one sentence in, the plan of tool calls that turns it into
/// a playlist, for clients that offer prompts as commands.
enum MoodPlaylistPrompt {
    static func definition() -> PromptDefinition {
        PromptDefinition(
            name: "mood_playlist", title: "Playlist for a moment",
            description: "Makes a Spotify playlist that fits a moment, in English or Spanish.",
            arguments: [
                Prompt.Argument(name: "mood", title: "The moment", description: "\"rainy Sunday, slow coffee\"", required: true),
                Prompt.Argument(name: "length", title: "Tracks", description: "How many tracks (default 25)", required: false),
            ]
        ) { arguments in
            let mood = arguments["mood"] ?? ""
            var length = 25
            if let text = arguments["length"], !text.isEmpty {
                guard let number = Int(text), (1...100).contains(number) else {
                    throw ToolFailure("length must be a whole number of tracks from 1 to 100, not '\(text.prefix(20))'")
                }
                length = number
            }
            let text = """
                Make me a Spotify playlist for this moment: “\(mood)”.
                1. Call analyze_mood with the prompt above and tell me in one line what you read (valence, energy, what moved them).
                2. Call get_recommendations with mood set to the prompt and limit \(length).
                3. Call explain_selection with those track ids and the prompt as context, and show me a short summary.
                4. Call create_playlist_with_tracks with a fitting name, the track ids in order, and mood set to the prompt. If the result lists remaining tracks, call add_to_playlist with exactly those.
                5. Ask whether I want to listen now; if so, call ensure_device_ready, then start_playback with the playlist.
                """
            return GetPrompt.Result(description: "A playlist for “\(mood)”", messages: [.user(.text(text: text))])
        }
    }
}
