/// How far one word pushes each feature away from the neutral middle. Pushes from all the
/// words of a prompt are summed, then settled onto the 0...1 scale (see `MoodTally`).
struct FeaturePush: Equatable, Sendable {
    var valence = 0.0
    var energy = 0.0
    var danceability = 0.0
    /// Nil when the word says nothing about acoustic or electronic sound.
    var acousticness: Double?
    /// Nil when the word says nothing about vocals.
    var instrumentalness: Double?

    /// The largest push on any feature: how much this word tells about a mood.
    var strength: Double {
        max(abs(valence), abs(energy), abs(danceability), abs(acousticness ?? 0), abs(instrumentalness ?? 0))
    }
}

/// One idea the lexicon knows, with every way people write it in English and Spanish:
/// "happy"/"feliz"/"contento", or "workout"/"gym"/"para entrenar".
struct MoodConcept: Sendable {
    /// The search word it adds, in English; nil for concepts that only move values.
    var tag: String?
    var english: [String]
    var spanish: [String]
    /// Forms that say nothing about the language: emoji, genre names used everywhere.
    var anyLanguage: [String]
    var push: FeaturePush
    /// The catalog genre it names.
    var genre: String?
    /// Genres it suggests when the prompt names none ("study" suggests lofi hip hop).
    var impliedGenres: [String]
    var activity: Activity?
    /// A typical tempo, used when the prompt gives no number.
    var typicalTempo: Double?

    init(
        _ tag: String?, en english: [String] = [], es spanish: [String] = [], any anyLanguage: [String] = [],
        valence: Double = 0, energy: Double = 0, dance: Double = 0, acoustic: Double? = nil,
        instrumental: Double? = nil, genre: String? = nil, implies impliedGenres: [String] = [],
        activity: Activity? = nil, bpm typicalTempo: Double? = nil
    ) {
        self.tag = tag
        self.english = english
        self.spanish = spanish
        self.anyLanguage = anyLanguage
        self.push = FeaturePush(
            valence: valence, energy: energy, danceability: dance, acousticness: acoustic,
            instrumentalness: instrumental)
        self.genre = genre
        self.impliedGenres = impliedGenres
        self.activity = activity
        self.typicalTempo = typicalTempo
    }

    /// A catalog genre: its own name and its synonyms are language-neutral, Spanish-only
    /// spellings ("música clásica") count as Spanish.
    static func genre(
        _ name: String, also synonyms: [String] = [], es spanish: [String] = [], valence: Double = 0,
        energy: Double = 0, dance: Double = 0, acoustic: Double? = nil, instrumental: Double? = nil,
        bpm: Double? = nil
    ) -> MoodConcept {
        MoodConcept(
            nil, es: spanish, any: [name] + synonyms, valence: valence, energy: energy, dance: dance,
            acoustic: acoustic, instrumental: instrumental, genre: name, bpm: bpm)
    }
}
