import Curation
import ServerKit

/// A mood as the tools return it: Spotify's scales, the words to search with, and which
/// words moved which value.
struct MoodOutput: Codable, Sendable, Equatable {
    struct Evidence: Codable, Sendable, Equatable {
        let phrase: String
        let feature: String
        let change: Double
        let modifier: String?
        let label: String?

        static let schema = JSONSchema.object([
            "phrase": .string("The words as written"),
            "feature": .string("What they moved", oneOf: MoodFeature.allCases.map(\.rawValue)),
            "change": .number("The push they gave (for tempo: the beats per minute)"),
            "modifier": .string("A negation or intensity word that changed them", oneOf: ["negated", "intensified", "softened"])
                .optional,
            "label": .string("The genre, activity or tag recognised").optional,
        ])
    }

    let valence: Double
    let energy: Double
    let danceability: Double
    let tempo: Double?
    let acousticness: Double?
    let instrumentalness: Double?
    let tags: [String]
    let genres: [String]
    let activity: String?
    let language: String
    let confidence: Double
    let explanation: [Evidence]

    init(_ mood: Mood) {
        valence = Self.rounded(mood.valence)
        energy = Self.rounded(mood.energy)
        danceability = Self.rounded(mood.danceability)
        tempo = mood.tempo.map { $0.rounded() }
        acousticness = mood.acousticness.map(Self.rounded)
        instrumentalness = mood.instrumentalness.map(Self.rounded)
        tags = mood.tags
        genres = mood.genres
        activity = mood.activity?.rawValue
        language = mood.language.rawValue
        confidence = Self.rounded(mood.confidence)
        explanation = mood.explanation.map {
            Evidence(phrase: $0.phrase, feature: $0.feature.rawValue, change: Self.rounded($0.change), modifier: $0.modifier?.rawValue, label: $0.label)
        }
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }

    static let schema = JSONSchema.object([
        "valence": .number("Musical positiveness, 0 (sad, dark) to 1 (happy)", minimum: 0, maximum: 1),
        "energy": .number("Intensity, 0 (quiet) to 1 (loud, fast)", minimum: 0, maximum: 1),
        "danceability": .number(minimum: 0, maximum: 1),
        "tempo": .number("Beats per minute, when named or implied").optional,
        "acousticness": .number(minimum: 0, maximum: 1).optional,
        "instrumentalness": .number(minimum: 0, maximum: 1).optional,
        "tags": .array(of: .string(), "Mood words to search with, in English"),
        "genres": .array(of: .string(), "Genres named or implied"),
        "activity": .string("What the listener will be doing").optional,
        "language": .string(oneOf: ["english", "spanish", "mixed", "unknown"]),
        "confidence": .number("How much the prompt said, 0 to 1", minimum: 0, maximum: 1),
        "explanation": .array(of: Evidence.schema, "Which words moved which value"),
    ])
}
