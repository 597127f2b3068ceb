/// Reads a listener's free-text prompt ("rainy sunday, slow coffee", "música para entrenar
/// fuerte 💪") into a `Mood`. Deterministic: the same prompt always gives the same mood.
/// Any string is accepted; one with nothing recognisable gives a neutral mood of confidence 0.
public struct MoodAnalyzer: Sendable {
    let lexicon: MoodLexicon

    public init(lexicon: MoodLexicon = .standard) {
        self.lexicon = lexicon
    }

    public func analyze(_ prompt: String) -> Mood {
        var reading = PromptReading(tokens: TextNormalizer.tokens(of: prompt), lexicon: lexicon)
        reading.readAll()
        return reading.tally.mood(language: reading.languages.language)
    }

    /// Reads a prompt asked at `time`: when it names no time of day or week, the moment
    /// it was asked at moves the values as those words would ("now" on a Sunday morning
    /// reads as "sunday morning"), and the explanation says so. Its search words stay
    /// the prompt's own.
    public func analyze(_ prompt: String, at time: DayTime) -> Mood {
        var mood = analyze(prompt)
        let timeTags = Set(MoodLexicon.timesOfDay.compactMap(\.tag))
        guard !mood.tags.contains(where: timeTags.contains) else { return mood }
        let moment = analyze(time.phrase)
        let phrase = "(asked on a \(time.phrase))"
        for (feature, change) in [(MoodFeature.valence, moment.valence - 0.5), (.energy, moment.energy - 0.5)] where change != 0 {
            mood.explanation.append(MoodEvidence(phrase: phrase, feature: feature, change: change))
        }
        mood.valence = min(0.98, max(0.02, mood.valence + moment.valence - 0.5))
        mood.energy = min(0.98, max(0.02, mood.energy + moment.energy - 0.5))
        return mood
    }
}

// MARK: - Reading a prompt

/// One pass over a prompt's tokens, left to right, keeping track of which negation or
/// intensifier is still in reach.
private struct PromptReading {
    let tokens: [PromptToken]
    let forms: [[WordForm]]
    let lexicon: MoodLexicon
    var tally = MoodTally()
    var languages = LanguageDetector()

    /// A "not"/"no"/"sin" still in force.
    private struct Negation {
        /// Where its words start, so explanations can quote "no quiero nada movido".
        var start: Int
        var words: [String]
        /// Meaningful words it still reaches.
        var reach: Int
        var isNever: Bool
        /// After the first negated word, later ones are quoted as "not lonely" rather than
        /// with everything in between.
        var hasNegatedAWord = false
    }

    /// Intensifiers and softeners waiting for the next mood word.
    private struct PendingScale {
        var start: Int
        var factor: Double
        var reach: Int
    }

    private var negation: Negation?
    private var pendingScale: PendingScale?

    init(tokens: [PromptToken], lexicon: MoodLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.forms = tokens.map { token in
            token.kind == .word
                ? WordForms.candidates(of: token.text) : [WordForm(text: token.text, intensity: 1)]
        }
    }

    mutating func readAll() {
        var index = 0
        while index < tokens.count {
            index = read(at: index)
        }
    }

    /// Reads what starts at `index`; returns where the next reading starts.
    private mutating func read(at index: Int) -> Int {
        let token = tokens[index]
        switch token.kind {
        case .clauseBreak:
            languages.voteForUnmatched(token)
            endClause()
            return index + 1
        case .symbol:
            return index + 1
        case .number:
            return readNumber(at: index)
        case .word, .emoji:
            break
        }

        let entry = lexicon.match(tokens, forms: forms, at: index)
        // A phrase such as "no lyrics" or "sin parar" is a concept, not a negation.
        if let entry, entry.length > 1 {
            applyEntry(entry, at: index)
            return index + entry.length
        }
        if token.kind == .word, let modifier = Modifiers.match(tokens, at: index),
            let next = applyModifier(modifier, at: index)
        {
            return next
        }
        if let entry {
            applyEntry(entry, at: index)
            return index + entry.length
        }
        languages.voteForUnmatched(token)
        useReach()
        return index + 1
    }

    // MARK: - Modifiers

    /// Applies a modifier; nil when the word should be read as an ordinary word instead
    /// ("bien" with no mood word after it is "good", not "very").
    private mutating func applyModifier(_ modifier: ModifierMatch, at index: Int) -> Int? {
        let next = index + modifier.length
        if let current = negation, current.isNever, Modifiers.neverComparisons.contains(tokens[index].text) {
            // "never felt this happy", "nunca estuve tan feliz": praise, not a negation.
            pendingScale = PendingScale(
                start: current.start, factor: Modifiers.neverComparisonScale, reach: Modifiers.scaleReach)
            negation = nil
            languages.voteForUnmatched(tokens[index])
            return next
        }
        switch modifier.kind {
        case .clauseBreak:
            endClause()
        case .filler:
            break
        case .negation(let isNever):
            let words = tokens[index..<next].map(\.written)
            if var current = negation, !current.hasNegatedAWord {
                // "no estoy nada triste": Spanish doubles its negations; still one negation.
                current.words += words
                current.reach = Modifiers.negationReach
                current.isNever = current.isNever || isNever
                negation = current
            } else {
                negation = Negation(start: index, words: words, reach: Modifiers.negationReach, isNever: isNever)
            }
            pendingScale = nil
        case .scale(let factor):
            guard moodWordFollows(from: next) else { return nil }
            let combined = (pendingScale?.factor ?? 1) * factor
            pendingScale = PendingScale(
                start: pendingScale?.start ?? index,
                factor: min(Modifiers.strongestScale, max(Modifiers.weakestScale, combined)),
                reach: Modifiers.scaleReach)
        }
        for position in index..<next { languages.voteForUnmatched(tokens[position]) }
        return next
    }

    /// Whether a mood word comes next, past any further intensifiers ("so very happy").
    private func moodWordFollows(from start: Int) -> Bool {
        var index = start
        while index < tokens.count, index < start + 3 {
            if lexicon.hasEntry(tokens, forms: forms, at: index) { return true }
            guard let modifier = Modifiers.match(tokens, at: index), case .scale = modifier.kind else { return false }
            index += modifier.length
        }
        return false
    }

    private mutating func endClause() {
        negation = nil
        pendingScale = nil
    }

    /// A meaningful word went by: a negation or intensifier reaches one word less.
    private mutating func useReach() {
        if var current = negation {
            current.reach -= 1
            negation = current.reach > 0 ? current : nil
        }
        if var current = pendingScale {
            current.reach -= 1
            pendingScale = current.reach > 0 ? current : nil
        }
    }

    // MARK: - Lexicon entries

    private mutating func applyEntry(_ entry: LexiconMatch, at index: Int) {
        let end = index + entry.length
        languages.vote(entry.language ?? (tokens[index..<end].contains(where: \.hasSpanishMark) ? .spanish : nil))
        let concept = lexicon.concepts[entry.conceptIndex]

        if var current = negation {
            let phrase =
                current.hasNegatedAWord
                ? (current.words + [quote(index..<end)]).joined(separator: " ") : quote(current.start..<end)
            tally.add(concept, phrase: phrase, scale: Modifiers.negationFactor, modifier: .negated)
            current.hasNegatedAWord = true
            current.reach -= 1
            negation = current.reach > 0 ? current : nil
        } else {
            var factor = entry.intensity
            var start = index
            if let pendingScale {
                factor *= pendingScale.factor
                start = pendingScale.start
            }
            factor = min(Modifiers.strongestScale, max(Modifiers.weakestScale, factor))
            let modifier: MoodEvidence.Modifier? = factor > 1 ? .intensified : factor < 1 ? .softened : nil
            tally.add(concept, phrase: quote(start..<end), scale: factor, modifier: modifier)
        }
        pendingScale = nil
    }

    /// The prompt's words over `range`, lowercased as written.
    private func quote(_ range: Range<Int>) -> String {
        tokens[range].filter { $0.kind != .clauseBreak }.map(\.written).joined(separator: " ")
    }

    // MARK: - Numbers

    private mutating func readNumber(at index: Int) -> Int {
        if let reading = TempoReader.read(tokens, at: index) {
            tally.addStatedTempo(reading)
            return max(index + 1, reading.range.upperBound)
        }
        // "3am", "5k": a number that starts a phrase.
        if let entry = lexicon.match(tokens, forms: forms, at: index), entry.length > 1 {
            applyEntry(entry, at: index)
            return index + entry.length
        }
        if let decade = decade(at: index) {
            tally.addTagOnly(decade.tag, phrase: decade.phrase)
            return decade.next
        }
        useReach()
        return index + 1
    }

    /// "80s", "the 90's", "los 80", "años 2000": an era listeners search by.
    private func decade(at index: Int) -> (tag: String, phrase: String, next: Int)? {
        guard let value = Int(tokens[index].text) else { return nil }
        let tag: String
        switch value {
        case 50, 60, 70, 80, 90: tag = "\(value)s"
        case 1950, 1960, 1970, 1980, 1990: tag = "\(value % 100)s"
        case 0, 2000: tag = "2000s"
        case 2010: tag = "2010s"
        default: return nil
        }
        let following = index + 1 < tokens.count ? tokens[index + 1].text : ""
        if following == "s" {
            return (tag, tokens[index].written + "s", index + 2)
        }
        let preceding = index > 0 ? tokens[index - 1].text : ""
        if ["los", "anos", "decada"].contains(preceding), tokens[index].text.count <= 4 {
            return (tag, tokens[index - 1].written + " " + tokens[index].written, index + 1)
        }
        return nil
    }
}
