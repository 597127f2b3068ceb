/// The part of a `Mood` one piece of evidence speaks to.
public enum MoodFeature: String, Sendable, Equatable, Codable, CaseIterable {
    case valence, energy, danceability, tempo, acousticness, instrumentalness
    /// A genre was named or implied; `MoodEvidence.label` holds its name.
    case genre
    /// An activity was recognised; `MoodEvidence.label` holds it.
    case activity
    /// A concept that only adds a search word (a decade, say); `MoodEvidence.label` holds it.
    case tag
}

/// One line of a mood's explanation: these words moved this value by this much.
///
/// For valence, energy, danceability, acousticness and instrumentalness `change` is the signed
/// push the words gave (before pushes are settled onto the 0...1 scale). For `tempo` it is the
/// beats per minute read or implied. For `genre`, `activity` and `tag` it is 0 and `label` says what.
public struct MoodEvidence: Sendable, Equatable, Codable {
    /// How a neighbouring word changed what these words would have done alone.
    public enum Modifier: String, Sendable, Equatable, Codable {
        /// "not", "no", "sin", "nada"…: the push was flipped and dampened.
        case negated
        /// "very", "muy", "-ísimo"…: the push was strengthened.
        case intensified
        /// "a bit", "un poco", "kind of"…: the push was weakened.
        case softened
    }

    /// The words as written (lowercased), modifiers included: "not sad", "120 bpm".
    public var phrase: String
    public var feature: MoodFeature
    public var change: Double
    public var modifier: Modifier?
    /// The genre, activity or tag recognised, for those features.
    public var label: String?

    public init(phrase: String, feature: MoodFeature, change: Double, modifier: Modifier? = nil, label: String? = nil) {
        self.phrase = phrase
        self.feature = feature
        self.change = change
        self.modifier = modifier
        self.label = label
    }
}
