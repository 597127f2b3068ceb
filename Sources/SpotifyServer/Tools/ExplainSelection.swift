import Curation
import MCP
import ServerKit

/// `explain_selection`: why tracks fit a moment, citing each track's real values and
/// their source, and saying plainly which were only estimated.
enum ExplainSelection {
    struct Input: ToolInput {
        let tracks: [String]
        let context: String

        static let schema = JSONSchema.object([
            "tracks": .array(of: .string(), "Track ids, URIs or links", minItems: 1, maxItems: 100),
            "context": .string("The moment they were chosen for: \"rainy Sunday, slow coffee\"", minLength: 1),
        ])
    }

    struct Output: ToolOutput {
        struct Entry: Codable, Sendable, Equatable {
            let id: String
            let name: String
            let artists: [String]
            let features: RecommendedTrack.Features
            let fit: Double
            let explanation: String
        }

        let text: String
        let target: TargetOutput
        let tracks: [Entry]
        let missing: [String]

        static let outputSchema = JSONSchema.object([
            "text": .string("The explanation, for people"),
            "target": TargetOutput.schema,
            "tracks": .array(
                of: .object([
                    "id": .string(), "name": .string(), "artists": .array(of: .string()), "features": RecommendedTrack.Features.schema,
                    "fit": .number(minimum: 0, maximum: 1), "explanation": .string(),
                ])),
            "missing": .array(of: .string(), "Ids Spotify does not know"),
        ])

        var contentBlocks: [Tool.Content]? { [.plainText(text)] }
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "explain_selection", title: "Explain a selection",
            description: "Explains why tracks fit a moment: the sound the moment asks for, each track's valence, energy, "
                + "danceability and tempo with their source (Spotify, ReccoBeats, or an estimate from genre), and how close each is.",
            annotations: Tool.Annotations(readOnlyHint: true, openWorldHint: true)
        ) { input in
            let client = try await spotify.current().client
            let ids = try TrackReference.ids(input.tracks, argument: "tracks")
            let tracks = try await SpotifyCatalog(client: client).tracks(ids: ids)
            let chain = await spotify.recommender(for: client).features
            let known = await chain.features(for: tracks.map { Candidate(track: $0, origins: []) })
            let mood = MoodAnalyzer().analyze(input.context)
            let explanation = SelectionExplanation(
                tracks: tracks.compactMap { track in known.features[track.id].map { (track, $0) } }, mood: mood, context: input.context)
            let found = Set(tracks.map(\.id))
            var text = explanation.text
            if !known.notes.isEmpty { text += "\n" + known.notes.joined(separator: "\n") }
            return Output(
                text: text, target: TargetOutput(explanation.target),
                tracks: explanation.entries.map { entry in
                    Output.Entry(
                        id: entry.track.id, name: entry.track.name, artists: entry.track.artists.map(\.name),
                        features: RecommendedTrack.Features(entry.features), fit: MoodOutput.rounded(entry.fit), explanation: entry.text)
                },
                missing: ids.filter { !found.contains($0) })
        }
    }
}
