/// A word that changes what the mood words after it do, rather than carrying a mood itself.
enum ModifierKind: Equatable, Sendable {
    /// "not", "no", "sin", "nada", "never"…: the mood words that follow within a short
    /// window are flipped and dampened ("not sad" is mildly happy, not euphoric).
    case negation(isNever: Bool)
    /// "very", "muy", "super"… (factor > 1) or "a bit", "un poco", "kind of"… (factor < 1):
    /// the next mood word counts that much more or less.
    case scale(Double)
    /// "but", "pero", "aunque": what came before no longer reaches what follows.
    case clauseBreak
    /// Words that carry no mood and do not use up a negation's reach: "not in the mood for
    /// anything sad" still negates "sad".
    case filler
}

struct ModifierMatch: Equatable, Sendable {
    var kind: ModifierKind
    /// How many tokens the modifier spans ("a little bit" is three).
    var length: Int
}

/// Negations, intensifiers, softeners and fillers in English and Spanish.
enum Modifiers {
    /// A negation reaches this many meaningful words; fillers do not count.
    static let negationReach = 3
    /// A negated push keeps this share of its size, the other way round.
    static let negationFactor = -0.5
    /// Stacked intensifiers ("very very", "muy muy") stop adding here.
    static let strongestScale = 2.0
    static let weakestScale = 0.3
    /// An intensifier reaches the mood word right after it, or one word further.
    static let scaleReach = 2
    /// "never felt this happy" says "happier than ever".
    static let neverComparisonScale = 1.5

    // MARK: - Matching

    /// The longest modifier starting at `index`. A stretched first word ("sooo", "muuuy")
    /// reads as the word.
    static func match(_ tokens: [PromptToken], at index: Int) -> ModifierMatch? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        let written = tokens[index].text
        let first =
            [written, written.collapsingRuns(longerThan: 2, to: 1)].compactMap { $0 }
            .first { singleWords[$0] != nil || phrasesByFirstWord[$0] != nil } ?? written
        if let phrases = phrasesByFirstWord[first] {
            for (words, kind) in phrases where index + words.count <= tokens.count {
                let matches = words.indices.allSatisfy { offset in
                    offset == 0 || tokens[index + offset].text == words[offset]
                }
                if matches { return ModifierMatch(kind: kind, length: words.count) }
            }
        }
        if let kind = singleWords[first] {
            return ModifierMatch(kind: kind, length: 1)
        }
        return nil
    }

    static func isFiller(_ word: String) -> Bool {
        singleWords[word] == .filler
    }

    /// After "never"/"nunca", these turn the sentence into praise: "never felt this happy",
    /// "nunca estuve tan feliz".
    static let neverComparisons: Set<String> = ["this", "so", "that", "such", "as", "tan", "tanto", "tanta"]

    // MARK: - Words

    private static let negations: [String] = [
        "not", "no", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt",
        "shouldnt", "nothing", "without", "none", "neither", "nor", "less", "avoid", "skip", "nope", "nah",
        // "barely awake" is closer to asleep than to awake.
        "barely", "hardly", "scarcely",
        // Spanish
        "ni", "nada", "sin", "tampoco", "nadie", "ningun", "ninguno", "ninguna", "menos", "evitar", "poco", "apenas",
    ]
    private static let nevers: [String] = ["never", "nunca", "jamas"]

    private static let intensifiers: [String: Double] = [
        "very": 1.5, "really": 1.4, "so": 1.4, "super": 1.6, "extremely": 1.8, "incredibly": 1.7,
        "totally": 1.5, "truly": 1.4, "too": 1.3, "absolutely": 1.6, "completely": 1.5, "utterly": 1.7,
        "insanely": 1.7, "crazy": 1.5, "mega": 1.6, "ultra": 1.7, "hella": 1.5, "damn": 1.3, "freaking": 1.5,
        "fucking": 1.5, "deeply": 1.5, "seriously": 1.4, "pretty": 1.2, "quite": 1.2, "more": 1.3,
        "much": 1.3, "extra": 1.4, "most": 1.4, "full": 1.5, "highly": 1.4, "especially": 1.3,
        "intensely": 1.6, "massively": 1.6, "maximum": 1.6, "max": 1.5,
        // Spanish
        "muy": 1.5, "mucho": 1.5, "mucha": 1.5, "muchos": 1.4, "muchas": 1.4, "bien": 1.4, "re": 1.5,
        "requete": 1.7, "tan": 1.4, "demasiado": 1.5, "demasiada": 1.5, "bastante": 1.2, "sumamente": 1.8,
        "extremadamente": 1.8, "totalmente": 1.5, "profundamente": 1.5, "mas": 1.3, "superr": 1.6,
        "recontra": 1.7, "harto": 1.4, "harta": 1.4, "increiblemente": 1.7,
    ]

    private static let softeners: [String: Double] = [
        "slightly": 0.45, "kinda": 0.55, "sorta": 0.55, "somewhat": 0.55, "mildly": 0.5,
        "almost": 0.6, "fairly": 0.7, "moderately": 0.6, "semi": 0.6, "lightly": 0.5,
        // Spanish
        "algo": 0.6, "ligeramente": 0.45, "medio": 0.55, "levemente": 0.45, "casi": 0.6,
        "poquito": 0.4,
    ]

    private static let multiWord: [([String], ModifierKind)] = [
        (["a", "little", "bit"], .scale(0.45)),
        (["a", "bit"], .scale(0.5)),
        (["a", "little"], .scale(0.5)),
        (["little", "bit"], .scale(0.5)),
        (["a", "tad"], .scale(0.5)),
        (["kind", "of"], .scale(0.55)),
        (["sort", "of"], .scale(0.55)),
        (["more", "or", "less"], .scale(0.55)),
        (["un", "poco"], .scale(0.5)),
        (["un", "poquito"], .scale(0.4)),
        (["un", "tanto"], .scale(0.55)),
        (["mas", "o", "menos"], .scale(0.55)),
        (["lo", "mas"], .scale(1.6)),
        (["as", "hell"], .scale(1.5)),
        (["no", "more"], .negation(isNever: false)),
        (["anything", "but"], .negation(isNever: false)),
        (["instead", "of"], .negation(isNever: false)),
        (["rather", "than"], .negation(isNever: false)),
        (["stay", "away", "from"], .negation(isNever: false)),
        (["en", "lugar", "de"], .negation(isNever: false)),
        (["en", "vez", "de"], .negation(isNever: false)),
        (["nada", "de"], .negation(isNever: false)),
        (["nothing", "but"], .filler),
        (["nada", "mas", "que"], .filler),
        (["in", "the", "mood", "for"], .filler),
        (["en", "modo"], .filler),
        (["sin", "embargo"], .clauseBreak),
        (["en", "cambio"], .clauseBreak),
        (["even", "though"], .clauseBreak),
    ]

    private static let clauseBreaks: [String] = [
        "but", "though", "although", "however", "yet", "instead", "whereas", "pero", "aunque", "sino", "mientras",
    ]

    private static let fillers: [String] = [
        "i", "im", "ive", "id", "me", "my", "a", "an", "the", "to", "for", "of", "in", "on", "at", "with",
        "want", "wanna", "need", "feel", "feeling", "felt", "be", "am", "is", "are", "was", "been", "being",
        "anything", "something", "any", "some", "music", "songs", "song", "track", "tracks", "tunes", "playlist",
        "stuff", "just", "that", "this", "it", "its", "all", "today", "right", "now", "please", "give",
        "play", "get", "put", "like", "would", "too", "even", "anymore", "ever", "mood", "kind",
        "type", "vibe", "vibes", "sound", "sounds", "listen", "hear", "go", "going", "do", "can", "could",
        // Spanish
        "estoy", "estar", "esta", "este", "esto", "estamos", "estaba", "mi", "siento", "sentir",
        "siente", "quiero", "queremos", "necesito", "de", "del", "la", "el", "lo", "los", "las", "un", "una",
        "unos", "unas", "para", "que", "musica", "cancion", "canciones", "tema", "temas", "ser", "soy", "es",
        "tengo", "hay", "ponme", "pon", "dame", "escuchar", "oir", "nos", "te", "se", "hoy", "ahora", "ya",
        "tipo", "rollo", "onda", "cosa", "cosas", "con",
    ]

    // MARK: - Tables

    private static let singleWords: [String: ModifierKind] = {
        var table: [String: ModifierKind] = [:]
        for word in fillers { table[word] = .filler }
        for word in clauseBreaks { table[word] = .clauseBreak }
        for (word, factor) in softeners { table[word] = .scale(factor) }
        for (word, factor) in intensifiers { table[word] = .scale(factor) }
        for word in negations { table[word] = .negation(isNever: false) }
        for word in nevers { table[word] = .negation(isNever: true) }
        return table
    }()

    /// Multi-word modifiers by first word, longest first.
    private static let phrasesByFirstWord: [String: [([String], ModifierKind)]] = {
        var table: [String: [([String], ModifierKind)]] = [:]
        for entry in multiWord {
            guard let first = entry.0.first else { continue }
            table[first, default: []].append(entry)
        }
        return table.mapValues { entries in entries.sorted { $0.0.count > $1.0.count } }
    }()
}
