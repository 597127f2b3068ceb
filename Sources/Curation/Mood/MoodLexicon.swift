/// The words Setlist understands in a mood prompt, and what each one does to a mood.
/// `standard` covers feelings, music descriptions, activities, weather, seasons, time of day,
/// places, genres and emoji, in English and Spanish.
public struct MoodLexicon: Sendable {
    let concepts: [MoodConcept]
    /// Entries by their first normalised word, longest first, so "road trip" wins over "road".
    private let phrasesByFirstWord: [String: [LexiconPhrase]]
    /// Forms listed twice; the first listing wins. Kept for the lexicon's own tests.
    let duplicateForms: [String]

    /// Setlist's lexicon.
    public static let standard = MoodLexicon(
        concepts: emotions + soundDescriptions + activities + occasions + weatherAndSeasons + timesOfDay + places
            + genres + emoji)

    init(concepts: [MoodConcept]) {
        var table: [String: [LexiconPhrase]] = [:]
        var duplicates: [String] = []
        for (conceptIndex, concept) in concepts.enumerated() {
            let forms: [(String, Language?)] =
                concept.english.map { ($0, .english) } + concept.spanish.map { ($0, .spanish) }
                + concept.anyLanguage.map { ($0, nil) }
            for (form, language) in forms {
                let words = TextNormalizer.words(of: form)
                guard let first = words.first else { continue }
                var entries = table[first, default: []]
                if let existing = entries.firstIndex(where: { $0.words == words }) {
                    if entries[existing].conceptIndex == conceptIndex {
                        // Written the same in both languages ("relax"): it tells neither.
                        if entries[existing].language != language { entries[existing].language = nil }
                    } else {
                        duplicates.append(form)
                    }
                } else {
                    entries.append(LexiconPhrase(words: words, conceptIndex: conceptIndex, language: language))
                }
                table[first] = entries
            }
        }
        self.concepts = concepts
        self.phrasesByFirstWord = table.mapValues { entries in
            // Longest first; among equals, the order they were written in.
            entries.enumerated().sorted { lhs, rhs in
                lhs.element.words.count != rhs.element.words.count
                    ? lhs.element.words.count > rhs.element.words.count : lhs.offset < rhs.offset
            }.map(\.element)
        }
        self.duplicateForms = duplicates
    }

    // MARK: - Matching

    /// The longest entry starting at `index`, trying each word's possible dictionary forms.
    func match(_ tokens: [PromptToken], forms: [[WordForm]], at index: Int) -> LexiconMatch? {
        guard index < tokens.count, tokens[index].kind != .clauseBreak else { return nil }
        var best: LexiconMatch?
        for form in forms[index] {
            guard let entries = phrasesByFirstWord[form.text] else { continue }
            for entry in entries {
                let length = entry.words.count
                if length <= best?.length ?? 0 { break }
                guard index + length <= tokens.count, restMatches(entry.words, tokens, forms, from: index) else {
                    continue
                }
                best = LexiconMatch(
                    conceptIndex: entry.conceptIndex, length: length, intensity: form.intensity,
                    language: entry.language)
                break
            }
        }
        return best
    }

    /// Whether an entry starts at `index`: an intensifier only counts when one follows it.
    func hasEntry(_ tokens: [PromptToken], forms: [[WordForm]], at index: Int) -> Bool {
        match(tokens, forms: forms, at: index) != nil
    }

    private func restMatches(_ words: [String], _ tokens: [PromptToken], _ forms: [[WordForm]], from index: Int)
        -> Bool
    {
        for offset in words.indices.dropFirst() {
            let position = index + offset
            guard tokens[position].kind != .clauseBreak,
                forms[position].contains(where: { $0.text == words[offset] })
            else { return false }
        }
        return true
    }

    /// Every genre name the lexicon can produce, named or implied.
    var genreNames: [String] {
        var names: [String] = []
        for concept in concepts {
            for name in (concept.genre.map { [$0] } ?? []) + concept.impliedGenres where !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }
}

// MARK: - Entries

/// One written form of a concept, as normalised words.
struct LexiconPhrase: Sendable {
    var words: [String]
    var conceptIndex: Int
    /// Nil when the form is shared by both languages.
    var language: Language?
}

/// A lexicon entry found in a prompt.
struct LexiconMatch: Equatable, Sendable {
    var conceptIndex: Int
    /// Tokens covered.
    var length: Int
    /// Above 1 when the word was a superlative ("tristísimo").
    var intensity: Double
    var language: Language?
}
