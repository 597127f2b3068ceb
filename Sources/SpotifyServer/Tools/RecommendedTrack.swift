import Curation
import ServerKit

/// A recommended track: the summary, how it sounds and where those values came from,
/// and how well it fits.
struct RecommendedTrack: Codable, Sendable, Equatable {
    struct Features: Codable, Sendable, Equatable {
        let valence: Double
        let energy: Double
        let danceability: Double
        let tempo: Double?
        let source: String
        let estimated: Bool

        init(_ features: TrackFeatures) {
            valence = MoodOutput.rounded(features.valence)
            energy = MoodOutput.rounded(features.energy)
            danceability = MoodOutput.rounded(features.danceability)
            tempo = features.tempo.map { $0.rounded() }
            source = features.origin.summary
            estimated = !features.origin.isMeasured
        }

        static let schema = JSONSchema.object([
            "valence": .number(), "energy": .number(), "danceability": .number(), "tempo": .number().optional,
            "source": .string("Where the values came from"),
            "estimated": .boolean("True when no audio analysis was available and the values are estimates"),
        ])
    }

    let id: String
    let name: String
    let artists: [String]
    let uri: String
    let features: Features
    let fit: Double
    let why: [String]

    init(_ pick: Recommendation.Pick) {
        id = pick.track.id
        name = pick.track.name
        artists = pick.track.artists.map(\.name)
        uri = pick.track.uri
        features = Features(pick.features)
        fit = MoodOutput.rounded(pick.fit)
        why = pick.origins.map(\.summary) + pick.reasons
    }

    static let schema = JSONSchema.object([
        "id": .string(), "name": .string(), "artists": .array(of: .string()), "uri": .string(),
        "features": Features.schema,
        "fit": .number("How close its sound is to the target, 0 to 1", minimum: 0, maximum: 1),
        "why": .array(of: .string(), "Where it was found and what matched"),
    ])
}

/// The sound a mix aimed at.
struct TargetOutput: Codable, Sendable, Equatable {
    let valence: Double
    let energy: Double
    let danceability: Double
    let tempo: Double?

    init(_ target: FeatureTarget) {
        valence = MoodOutput.rounded(target.valence)
        energy = MoodOutput.rounded(target.energy)
        danceability = MoodOutput.rounded(target.danceability)
        tempo = target.tempo.map { $0.rounded() }
    }

    static let schema = JSONSchema.object([
        "valence": .number(), "energy": .number(), "danceability": .number(), "tempo": .number().optional,
    ])
}
