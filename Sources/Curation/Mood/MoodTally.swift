/// Adds up what a prompt's words say, then settles it into a `Mood`.
///
/// The model: every feature starts at the neutral middle, 0.5. Each recognised word pushes
/// features up or down by its lexicon amount, scaled by its modifiers. Pushes are summed,
/// and the sum is settled onto the scale with `settle`, which is nearly linear for one or
/// two words and flattens towards 0.02 and 0.98 as evidence piles up: one strong word
/// ("sad", −0.35) lands clearly across the middle (0.30), opposite words cancel, and no
/// number of words leaves the scale or blurs the step from "sad" to "very sad".
struct MoodTally {
    private var valence = 0.0
    private var energy = 0.0
    private var danceability = 0.0
    private var acousticness: Double?
    private var instrumentalness: Double?
    private var statedTempo: Double?
    private var typicalTempos: [Double] = []
    private var evidence = 0.0
    private var tags: [String] = []
    private var namedGenres: [String] = []
    private var impliedGenres: [String] = []
    private var activityWeights: [(activity: Activity, weight: Double)] = []
    private var explanation: [MoodEvidence] = []

    // MARK: - Settling

    /// The farthest a settled value gets from the middle.
    static let reach = 0.48
    /// How much a word of this strength (or stronger) counts towards confidence.
    static let fullEvidenceStrength = 0.3
    /// Energy a stated tempo adds per beat per minute above 110 (and takes away below it).
    static let energyPerBeat = 0.004
    static let tempoEnergyLimit = 0.25

    /// The summed push as a value on the 0...1 scale: 0.5 + reach · s / (1 + |s|), s = sum / reach.
    static func settle(_ sum: Double) -> Double {
        guard sum.isFinite else { return 0.5 }
        let scaled = sum / reach
        return 0.5 + reach * scaled / (1 + abs(scaled))
    }

    /// Evidence E gives confidence E / (E + 1.2): one clear word about 0.45, three about 0.7.
    static func confidence(forEvidence evidence: Double) -> Double {
        guard evidence > 0 else { return 0 }
        return min(0.95, evidence / (evidence + 1.2))
    }

    // MARK: - Adding

    /// Adds a lexicon concept as written at `phrase`; `scale` is its intensifiers' product,
    /// or `Modifiers.negationFactor` when negated.
    mutating func add(_ concept: MoodConcept, phrase: String, scale: Double, modifier: MoodEvidence.Modifier?) {
        let push = concept.push
        addPush(push.valence * scale, to: .valence, phrase: phrase, modifier: modifier)
        addPush(push.energy * scale, to: .energy, phrase: phrase, modifier: modifier)
        addPush(push.danceability * scale, to: .danceability, phrase: phrase, modifier: modifier)
        if let acoustic = push.acousticness {
            addPush(acoustic * scale, to: .acousticness, phrase: phrase, modifier: modifier)
        }
        if let instrumental = push.instrumentalness {
            addPush(instrumental * scale, to: .instrumentalness, phrase: phrase, modifier: modifier)
        }
        var strength = min(1, push.strength / Self.fullEvidenceStrength)
        if concept.genre != nil || concept.activity != nil { strength = max(strength, 0.8) }
        evidence += max(strength, 0.3)

        guard modifier != .negated else { return }
        if let tag = concept.tag {
            addTag(tag)
            if push.strength == 0, concept.genre == nil, concept.activity == nil {
                explanation.append(MoodEvidence(phrase: phrase, feature: .tag, change: 0, label: tag))
            }
        }
        if let genre = concept.genre {
            if !namedGenres.contains(genre) { namedGenres.append(genre) }
            explanation.append(MoodEvidence(phrase: phrase, feature: .genre, change: 0, label: genre))
        }
        for genre in concept.impliedGenres where !impliedGenres.contains(genre) {
            impliedGenres.append(genre)
        }
        if let activity = concept.activity {
            let weight = max(push.strength, 0.1) * scale
            if let index = activityWeights.firstIndex(where: { $0.activity == activity }) {
                activityWeights[index].weight += weight
            } else {
                activityWeights.append((activity, weight))
            }
            explanation.append(MoodEvidence(phrase: phrase, feature: .activity, change: 0, label: activity.rawValue))
        }
        if let tempo = concept.typicalTempo {
            typicalTempos.append(tempo)
            explanation.append(MoodEvidence(phrase: phrase, feature: .tempo, change: tempo))
        }
    }

    /// A tempo the prompt stated; it also moves energy (fast music is energetic).
    mutating func addStatedTempo(_ reading: TempoReading) {
        statedTempo = reading.beatsPerMinute
        explanation.append(MoodEvidence(phrase: reading.phrase, feature: .tempo, change: reading.beatsPerMinute))
        let push = (reading.beatsPerMinute - 110) * Self.energyPerBeat
        addPush(
            min(Self.tempoEnergyLimit, max(-Self.tempoEnergyLimit, push)), to: .energy, phrase: reading.phrase,
            modifier: nil)
        evidence += 1
    }

    /// A concept with no feature of its own, such as a decade ("80s").
    mutating func addTagOnly(_ tag: String, phrase: String) {
        addTag(tag)
        explanation.append(MoodEvidence(phrase: phrase, feature: .tag, change: 0, label: tag))
        evidence += 0.5
    }

    private mutating func addTag(_ tag: String) {
        if !tags.contains(tag) { tags.append(tag) }
    }

    private mutating func addPush(
        _ change: Double, to feature: MoodFeature, phrase: String, modifier: MoodEvidence.Modifier?
    ) {
        guard change != 0, change.isFinite else { return }
        switch feature {
        case .valence: valence += change
        case .energy: energy += change
        case .danceability: danceability += change
        case .acousticness: acousticness = (acousticness ?? 0) + change
        case .instrumentalness: instrumentalness = (instrumentalness ?? 0) + change
        case .tempo, .genre, .activity, .tag: return
        }
        explanation.append(
            MoodEvidence(phrase: phrase, feature: feature, change: Self.rounded(change), modifier: modifier))
    }

    // MARK: - The mood

    func mood(language: Language) -> Mood {
        var tempo = statedTempo
        if tempo == nil, !typicalTempos.isEmpty {
            tempo = typicalTempos.reduce(0, +) / Double(typicalTempos.count)
        }
        var activity: Activity?
        var heaviest = 0.0
        for entry in activityWeights where entry.weight > heaviest {
            activity = entry.activity
            heaviest = entry.weight
        }
        return Mood(
            valence: Self.rounded(Self.settle(valence)),
            energy: Self.rounded(Self.settle(energy)),
            danceability: Self.rounded(Self.settle(danceability)),
            tempo: tempo.map { ($0 * 10).rounded() / 10 },
            acousticness: acousticness.map { Self.rounded(Self.settle($0)) },
            instrumentalness: instrumentalness.map { Self.rounded(Self.settle($0)) },
            tags: tags,
            genres: namedGenres.isEmpty ? impliedGenres : namedGenres,
            activity: activity,
            language: language,
            confidence: Self.rounded(Self.confidence(forEvidence: evidence)),
            explanation: explanation)
    }

    /// Three decimals: enough for any recommender, and explanations that read cleanly.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
