/// What a listener asked for, read from a free-text prompt: the targets a recommender
/// hands to Spotify (valence, energy, danceability on Spotify's 0...1 scales, and a tempo
/// when one was named or implied), the words to search with, and why each value is what it is.
public struct Mood: Sendable, Equatable, Codable {
    /// Musical positiveness: 0 sad, dark or angry; 1 happy, cheerful, euphoric.
    public var valence: Double
    /// Intensity and activity: 0 sleepy and quiet; 1 fast, loud, driving.
    public var energy: Double
    /// How suitable for dancing: steady beat, strong rhythm.
    public var danceability: Double
    /// Beats per minute, when the prompt gave a number or named something with a typical tempo.
    public var tempo: Double?
    /// Set only when the prompt spoke of acoustic or electronic sound.
    public var acousticness: Double?
    /// Set only when the prompt spoke of vocals, lyrics or their absence.
    public var instrumentalness: Double?
    /// The salient recognised concepts as short English words ("rainy", "coffee", "workout"),
    /// in the order the prompt gave them: material for catalog searches.
    public var tags: [String]
    /// Genre names as the catalog spells them, lowercase, named ones first.
    public var genres: [String]
    /// What the listener will be doing, when the prompt said.
    public var activity: Activity?
    /// The language the prompt was written in.
    public var language: Language
    /// How much evidence the prompt gave, 0 (nothing recognised) to 1.
    public var confidence: Double
    /// Which words moved which value, in the order they appear in the prompt.
    public var explanation: [MoodEvidence]

    public init(
        valence: Double = 0.5, energy: Double = 0.5, danceability: Double = 0.5, tempo: Double? = nil,
        acousticness: Double? = nil, instrumentalness: Double? = nil, tags: [String] = [], genres: [String] = [],
        activity: Activity? = nil, language: Language = .unknown, confidence: Double = 0,
        explanation: [MoodEvidence] = []
    ) {
        self.valence = valence
        self.energy = energy
        self.danceability = danceability
        self.tempo = tempo
        self.acousticness = acousticness
        self.instrumentalness = instrumentalness
        self.tags = tags
        self.genres = genres
        self.activity = activity
        self.language = language
        self.confidence = confidence
        self.explanation = explanation
    }

    /// The mood of a prompt that says nothing recognisable: the middle of every scale.
    public static let neutral = Mood()
}
