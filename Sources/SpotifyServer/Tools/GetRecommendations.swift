import Curation
import MCP
import ServerKit

/// `get_recommendations`: Setlist's own recommender, from the listener's history, their
/// top artists, searches built from the mood, ReccoBeats and any seed tracks.
enum GetRecommendations {
    struct Input: ToolInput {
        let seedTracks: [String]
        let mood: String?
        let energy: Double?
        let valence: Double?
        let danceability: Double?
        let tempo: Double?
        let limit: Int
        let energyArc: Bool

        private enum CodingKeys: String, CodingKey {
            case seedTracks = "seed_tracks"
            case mood, energy, valence, danceability, tempo, limit
            case energyArc = "energy_arc"
        }

        static let schema = JSONSchema.object([
            "seed_tracks": .array(of: .string(), "Track ids, URIs or links to start from", maxItems: 5).defaulting(to: []),
            "mood": .string("The moment, in words: \"rainy Sunday, slow coffee\"").optional,
            "energy": .number("Fixes the energy, 0 to 1", minimum: 0, maximum: 1).optional,
            "valence": .number("Fixes the valence, 0 to 1", minimum: 0, maximum: 1).optional,
            "danceability": .number(minimum: 0, maximum: 1).optional,
            "tempo": .number("Beats per minute", minimum: 30, maximum: 250).optional,
            "limit": .integer("How many tracks", minimum: 1, maximum: 100).defaulting(to: 20),
            "energy_arc": .boolean("Order the tracks as an arc of energy: gentle start, peak, calm end").defaulting(to: false),
        ])
    }

    struct Output: ToolOutput {
        let tracks: [RecommendedTrack]
        let target: TargetOutput
        let notes: [String]
        let candidatesConsidered: Int

        private enum CodingKeys: String, CodingKey {
            case tracks, target, notes
            case candidatesConsidered = "candidates_considered"
        }

        static let outputSchema = JSONSchema.object([
            "tracks": .array(of: RecommendedTrack.schema),
            "target": TargetOutput.schema,
            "notes": .array(of: .string(), "What went missing on the way, and what was only estimated"),
            "candidates_considered": .integer(),
        ])

        init(_ recommendation: Recommendation) {
            tracks = recommendation.picks.map(RecommendedTrack.init)
            target = TargetOutput(recommendation.target)
            notes = recommendation.notes
            candidatesConsidered = recommendation.candidatesConsidered
        }
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "get_recommendations", title: "Recommend tracks",
            description: "Recommends tracks that fit a mood (in words) or fixed values (energy, valence, danceability, tempo), "
                + "from the listener's history, top artists, catalog searches, ReccoBeats and any seed_tracks. Each track "
                + "comes with its features, their source, and why it was picked; no track twice, at most two of an artist for every twenty tracks.",
            annotations: Tool.Annotations(readOnlyHint: true, openWorldHint: true)
        ) { input in
            let client = try await spotify.current().client
            let overrides = MixBuilder.Overrides(valence: input.valence, energy: input.energy, danceability: input.danceability, tempo: input.tempo)
            let (_, recommendation) = await MixBuilder(spotify: spotify).recommend(
                prompt: input.mood, overrides: overrides, count: input.limit, seeds: try TrackReference.ids(input.seedTracks, argument: "seed_tracks"),
                energyArc: input.energyArc, client: client)
            await spotify.remember(recommendation.picks.map(\.track))
            return Output(recommendation)
        }
    }
}
