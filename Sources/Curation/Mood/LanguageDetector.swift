/// Counts the English and Spanish evidence in a prompt: lexicon words of either language,
/// the small words each language cannot do without, and Spanish accents, ñ, ¿ and ¡.
struct LanguageDetector {
    /// The smaller language needs this share of the votes for the prompt to be mixed: a
    /// Spanish sentence with "road trip" in it is still Spanish.
    static let mixedShare = 0.25

    private var english = 0
    private var spanish = 0

    mutating func vote(_ language: Language?) {
        switch language {
        case .english: english += 1
        case .spanish: spanish += 1
        case .mixed, .unknown, nil: break
        }
    }

    /// A token the lexicon did not claim: its own word list, or its accents, decide.
    mutating func voteForUnmatched(_ token: PromptToken) {
        switch token.kind {
        case .word:
            if Self.englishWords.contains(token.text) {
                english += 1
            } else if Self.spanishWords.contains(token.text) || token.hasSpanishMark {
                spanish += 1
            }
        case .clauseBreak:
            if token.hasSpanishMark { spanish += 1 }
        case .number, .emoji, .symbol:
            break
        }
    }

    var language: Language {
        let total = english + spanish
        guard total > 0 else { return .unknown }
        let minority = min(english, spanish)
        if minority > 0, Double(minority) / Double(total) >= Self.mixedShare { return .mixed }
        return english > spanish ? .english : .spanish
    }

    // MARK: - Words

    /// Frequent English words that are not Spanish words too ("a", "no", "me" are both).
    static let englishWords: Set<String> = [
        "the", "and", "for", "with", "to", "of", "my", "i", "im", "ive", "id", "you", "your", "some", "songs",
        "song", "music", "want", "wanna", "need", "something", "anything", "while", "at", "is", "are", "be",
        "this", "that", "it", "its", "just", "give", "play", "like", "when", "after", "before", "in", "on",
        "from", "by", "we", "our", "us", "get", "feel", "feeling", "make", "lets", "please", "about", "around",
        "up", "out", "only", "all", "more", "not", "dont", "never", "very", "really", "so", "too", "without",
        "nothing", "kinda", "bit", "little", "slightly", "extremely", "but", "or", "am", "was", "what",
        "tracks", "tunes", "stuff", "being", "been", "have", "has", "had", "will", "would",
        "could", "should", "can", "cant", "into", "through", "during", "tonight", "today", "myself",
        "which", "where", "who", "how", "those", "these", "then", "than", "also", "much", "many", "way",
        "got", "going", "gonna", "time", "day", "night", "morning", "vibes", "vibe",
    ]

    /// Frequent Spanish words that are not English words too.
    static let spanishWords: Set<String> = [
        "el", "la", "los", "las", "de", "del", "para", "con", "y", "que", "una", "unos", "unas", "un", "por", "en",
        "mi", "mis", "tu", "tus", "estoy", "esta", "este", "esto", "estar", "quiero", "necesito", "algo", "muy",
        "sin", "musica", "canciones", "cancion", "tengo", "como", "pero", "mas", "al", "lo", "se", "su", "es",
        "hoy", "ahora", "siento", "ponme", "pon", "dame", "nada", "nunca", "cuando", "mientras", "antes",
        "despues", "hasta", "desde", "sobre", "tan", "bien", "ya", "hacer", "voy", "porque", "eso", "esa", "ese",
        "mucho", "mucha", "poco", "otra", "otro", "todo", "toda", "todos", "ser", "soy", "somos", "nos", "le",
        "les", "yo", "ni", "donde", "quien", "cual", "tambien", "aqui", "alla", "estamos", "estaba", "era",
        "fue", "hay", "tiene", "temas", "ganas", "dia", "noche", "manana", "tarde", "semana", "solo", "sola",
        "muchas", "muchos", "ella", "ellos", "nosotros", "vamos", "quiere", "puedo", "sea",
    ]
}
