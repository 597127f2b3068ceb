/// A way a prompt word may be written in the lexicon, and how much stronger the prompt's form
/// is ("tristísimo" is "triste", said more strongly).
struct WordForm: Equatable, Sendable {
    var text: String
    var intensity: Double
}

/// The dictionary forms a word may stand for. The lexicon lists the masculine singular, the
/// bare English word and the forms people type most; this covers the rest: plurals
/// ("parties", "canciones"), Spanish gender ("tranquila"), "-ísimo" superlatives and
/// "-ito" diminutives, "-ing"/"-ed"/"-ly"/"-er" in English, gerunds and attached pronouns
/// in Spanish ("bailando", "relajarme"). A form only counts when the lexicon has it, so
/// a wrong guess costs nothing.
enum WordForms {
    /// How much more a Spanish "-ísimo" says than the plain adjective.
    static let superlativeIntensity = 1.6
    /// Stems shorter than this are too ambiguous to guess from.
    static let minimumStem = 3

    static func candidates(of word: String) -> [WordForm] {
        var forms = Forms()
        forms.add(word)
        addInflections(of: word, to: &forms)
        // "soooo", "goooo", "sadddd", "cooool": letters stretched for emphasis.
        if let twice = word.collapsingRuns(longerThan: 2, to: 2) {
            forms.add(twice)
            addInflections(of: twice, to: &forms)
            if let once = word.collapsingRuns(longerThan: 2, to: 1) {
                forms.add(once)
                addInflections(of: once, to: &forms)
            }
        }
        return forms.list
    }

    private static func addInflections(of word: String, to forms: inout Forms) {
        guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }), word.count > minimumStem else { return }
        addSpanishForms(of: word, to: &forms)
        addEnglishForms(of: word, to: &forms)
    }

    // MARK: - Spanish

    private static func addSpanishForms(of word: String, to forms: inout Forms) {
        for suffix in ["isimos", "isimas", "isimo", "isima"] {
            if let stem = word.strippingSuffix(suffix, keeping: minimumStem) {
                addStemGuesses(stem, intensity: superlativeIntensity, to: &forms)
            }
        }
        for suffix in ["itos", "itas", "ito", "ita", "ecito", "ecita"] {
            if let stem = word.strippingSuffix(suffix, keeping: minimumStem) {
                addStemGuesses(stem, intensity: 1, to: &forms)
            }
        }
        if let stem = word.strippingSuffix("mente", keeping: minimumStem) {
            forms.add(stem)
            addGenderForms(of: stem, to: &forms)
        }
        addGenderForms(of: word, to: &forms)
        // "relajarme", "desahogarte", "concentrarnos": a verb with its pronoun attached.
        for pronoun in ["me", "te", "se", "nos"] {
            if let verb = word.strippingSuffix(pronoun, keeping: minimumStem),
                verb.hasSuffix("ar") || verb.hasSuffix("er") || verb.hasSuffix("ir") || verb.hasSuffix("ando")
                    || verb.hasSuffix("iendo")
            {
                forms.add(verb)
                addGerundForms(of: verb, to: &forms)
            }
        }
        addGerundForms(of: word, to: &forms)
    }

    private static func addGenderForms(of word: String, to forms: inout Forms) {
        if let stem = word.strippingSuffix("as", keeping: minimumStem) {
            forms.add(stem + "o")
            forms.add(stem + "a")
        }
        if let stem = word.strippingSuffix("os", keeping: minimumStem) {
            forms.add(stem + "o")
        }
        if let stem = word.strippingSuffix("a", keeping: minimumStem) {
            forms.add(stem + "o")
        }
        if let stem = word.strippingSuffix("es", keeping: minimumStem) {
            forms.add(stem)
            // "felices" → "feliz", "veloces" → "veloz"
            if let base = stem.strippingSuffix("c", keeping: minimumStem - 1) { forms.add(base + "z") }
        }
        if let stem = word.strippingSuffix("s", keeping: minimumStem) {
            forms.add(stem)
        }
    }

    private static func addGerundForms(of word: String, to forms: inout Forms) {
        if let stem = word.strippingSuffix("ando", keeping: minimumStem - 1) {
            forms.add(stem + "ar")
        }
        if let stem = word.strippingSuffix("iendo", keeping: minimumStem - 1) {
            forms.add(stem + "er")
            forms.add(stem + "ir")
        }
    }

    /// The adjective a superlative or diminutive was built on: "trist" → "triste",
    /// "cansad" → "cansado", "felic" → "feliz", "poqu" → "poco", "suavec" → "suave".
    private static func addStemGuesses(_ stem: String, intensity: Double, to forms: inout Forms) {
        forms.add(stem + "o", intensity: intensity)
        forms.add(stem + "e", intensity: intensity)
        forms.add(stem, intensity: intensity)
        if let base = stem.strippingSuffix("qu", keeping: 2) { forms.add(base + "co", intensity: intensity) }
        if let base = stem.strippingSuffix("gu", keeping: 2) { forms.add(base + "go", intensity: intensity) }
        if let base = stem.strippingSuffix("c", keeping: 2) {
            forms.add(base + "z", intensity: intensity)
            forms.add(base, intensity: intensity)
            forms.add(base + "e", intensity: intensity)
        }
        if let base = stem.strippingSuffix("bil", keeping: 2) { forms.add(base + "ble", intensity: intensity) }
    }

    // MARK: - English

    private static func addEnglishForms(of word: String, to forms: inout Forms) {
        if let stem = word.strippingSuffix("ies", keeping: minimumStem - 1) { forms.add(stem + "y") }
        if let stem = word.strippingSuffix("ied", keeping: minimumStem - 1) { forms.add(stem + "y") }
        if let stem = word.strippingSuffix("ily", keeping: minimumStem - 1) { forms.add(stem + "y") }
        if let stem = word.strippingSuffix("ier", keeping: minimumStem - 1) { forms.add(stem + "y") }
        if let stem = word.strippingSuffix("iest", keeping: minimumStem - 1) { forms.add(stem + "y") }
        for suffix in ["ing", "ed", "er", "est"] {
            guard let stem = word.strippingSuffix(suffix, keeping: minimumStem) else { continue }
            forms.add(stem)
            if suffix == "ing" || suffix == "ed" { forms.add(stem + "e") }
            if let single = stem.undoubled { forms.add(single) }
        }
        if let stem = word.strippingSuffix("ly", keeping: minimumStem) { forms.add(stem) }
    }
}

// MARK: - Helpers

/// An ordered list of forms without repeats; the first intensity given for a form is kept.
private struct Forms {
    var list: [WordForm] = []

    mutating func add(_ text: String, intensity: Double = 1) {
        guard !list.contains(where: { $0.text == text }) else { return }
        list.append(WordForm(text: text, intensity: intensity))
    }
}

extension String {
    /// The word without `suffix`, if at least `keeping` characters remain.
    fileprivate func strippingSuffix(_ suffix: String, keeping minimum: Int) -> String? {
        guard hasSuffix(suffix), count - suffix.count >= minimum else { return nil }
        return String(dropLast(suffix.count))
    }

    /// The word with every run of more than `limit` equal letters cut to `length`; nil when
    /// it has no such run.
    func collapsingRuns(longerThan limit: Int, to length: Int) -> String? {
        var result = String.UnicodeScalarView()
        var changed = false
        var previous: Unicode.Scalar?
        var run = 0
        var pending: [Unicode.Scalar] = []
        func flush() {
            if run > limit {
                result.append(contentsOf: pending.prefix(length))
                changed = true
            } else {
                result.append(contentsOf: pending)
            }
            pending.removeAll()
        }
        for scalar in unicodeScalars {
            if scalar == previous {
                run += 1
            } else {
                flush()
                run = 1
                previous = scalar
            }
            pending.append(scalar)
        }
        flush()
        return changed ? String(result) : nil
    }

    /// "runn" → "run", "hipp" → "hip": the stem before a doubled final consonant.
    fileprivate var undoubled: String? {
        let scalars = Array(unicodeScalars)
        guard scalars.count >= 3, let last = scalars.last, scalars[scalars.count - 2] == last,
            !"aeiou".unicodeScalars.contains(last)
        else { return nil }
        return String(dropLast())
    }
}
