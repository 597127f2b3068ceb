/// One unit of a prompt after normalisation: a word, a number, an emoji, a symbol that matters
/// for reading ("-" in "90-100", "&" in "r&b"), or a break between clauses.
struct PromptToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word, number, emoji, symbol, clauseBreak
    }

    var kind: Kind
    /// Lowercased and accent-free, emoji without variation selectors or skin tones:
    /// the form the lexicon is keyed by, so "Música", "musica" and "MÚSICA" read alike.
    var text: String
    /// Lowercased as written, accents kept: what explanations quote.
    var written: String
    /// The writer used an accent, ñ, ¿ or ¡: a hint that the prompt is Spanish.
    var hasSpanishMark: Bool
}

/// Turns a prompt into tokens. Everything is done here by hand, on Unicode scalars, so the
/// analyzer needs nothing beyond the standard library and reads accented and unaccented
/// spellings, precomposed and decomposed ones, the same way.
enum TextNormalizer {
    /// A prompt is a sentence or two; a pasted novel is read up to here, which keeps the
    /// time spent on any input small.
    static let maximumCharacters = 20_000
    static let maximumTokens = 2_000
    /// Letters past this in one word are dropped: no lexicon entry is that long.
    static let maximumWordLength = 48

    // MARK: - Tokens

    static func tokens(of text: String) -> [PromptToken] {
        var builder = TokenBuilder()
        var index = text.startIndex
        var charactersRead = 0
        while index < text.endIndex, charactersRead < maximumCharacters, builder.tokens.count < maximumTokens {
            let character = text[index]
            let nextIndex = text.index(after: index)
            let next: Character? = nextIndex < text.endIndex ? text[nextIndex] : nil
            builder.read(character, followedBy: next)
            index = nextIndex
            charactersRead += 1
        }
        builder.finishToken()
        if builder.tokens.count > maximumTokens {
            builder.tokens.removeLast(builder.tokens.count - maximumTokens)
        }
        return builder.tokens
    }

    /// The normalised words of a lexicon phrase, clause marks left out.
    static func words(of phrase: String) -> [String] {
        tokens(of: phrase).filter { $0.kind != .clauseBreak }.map(\.text)
    }

    // MARK: - Characters

    /// Emoji are read one grapheme cluster at a time; the scalars past Latin-1 that Unicode
    /// marks as emoji decide (so digits, "#" and "©" stay text).
    static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.value > 0xFF && (scalar.properties.isEmoji || scalar.properties.isEmojiPresentation)
                && !isEmojiDecoration(scalar)
        }
    }

    /// "☀️" and "☀", "💪🏽" and "💪" mean the same to a listener.
    static func emojiKey(_ character: Character) -> String {
        var key = ""
        for scalar in character.unicodeScalars where !isEmojiDecoration(scalar) {
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    static func isEmojiDecoration(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: true
        default: false
        }
    }

    /// Accents, tildes and cedillas people may or may not type. Combining marks (a decomposed
    /// "a" + "´") are dropped separately, so both spellings end up the same.
    static func unaccented(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "á", "à", "â", "ä", "ã", "å", "ā": "a"
        case "é", "è", "ê", "ë", "ē": "e"
        case "í", "ì", "î", "ï", "ī": "i"
        case "ó", "ò", "ô", "ö", "õ", "ø", "ō": "o"
        case "ú", "ù", "û", "ü", "ū": "u"
        case "ñ": "n"
        case "ç": "c"
        case "ý", "ÿ": "y"
        default: nil
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}": true
        default: false
        }
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}": true
        default: false
        }
    }

    /// Marks that end a clause, and with it the reach of a "not" or a "very".
    static func isClausePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", "!", "?", "¿", "¡", "(", ")", "[", "]", "{", "}", "\"", "\u{201C}", "\u{201D}",
            "\u{2014}", "\u{2026}", "|", "\n", "\r", "\u{2028}", "\u{2029}":
            true
        default: false
        }
    }
}

// MARK: - Building tokens

/// Accumulates the token being read; one character at a time.
private struct TokenBuilder {
    var tokens: [PromptToken] = []
    private var text = ""
    private var written = ""
    private var kind: PromptToken.Kind?
    private var hasSpanishMark = false
    private var length = 0

    mutating func read(_ character: Character, followedBy next: Character?) {
        if TextNormalizer.isEmoji(character) {
            finishToken()
            let key = TextNormalizer.emojiKey(character)
            if !key.isEmpty {
                tokens.append(PromptToken(kind: .emoji, text: key, written: key, hasSpanishMark: false))
            }
            return
        }
        let nextIsLetter = next.map(Self.isLetter) ?? false
        let nextIsDigit = next.map(Self.isDigit) ?? false
        for scalar in character.lowercased().unicodeScalars {
            read(scalar, nextIsLetter: nextIsLetter, nextIsDigit: nextIsDigit)
        }
    }

    private mutating func read(_ scalar: Unicode.Scalar, nextIsLetter: Bool, nextIsDigit: Bool) {
        if TextNormalizer.isCombiningMark(scalar) {
            if kind == .word {
                written.unicodeScalars.append(scalar)
                hasSpanishMark = true
            }
            return
        }
        if let plain = TextNormalizer.unaccented(scalar) {
            appendLetter(plain, written: scalar)
            hasSpanishMark = true
            return
        }
        if scalar.properties.isAlphabetic {
            appendLetter(scalar, written: scalar)
            return
        }
        if ("0"..."9").contains(scalar) {
            if kind != .number { finishToken() }
            kind = .number
            appendScalar(scalar, written: scalar)
            return
        }
        if scalar == ".", kind == .number, nextIsDigit, !text.contains(".") {
            appendScalar(scalar, written: scalar)
            return
        }
        if TextNormalizer.isApostrophe(scalar) {
            // "don't" reads as "dont", "let's" as "lets": the lexicon is written the same way.
            if kind == .word {
                written.unicodeScalars.append(scalar)
            } else {
                finishToken()
            }
            return
        }
        if TextNormalizer.isHyphen(scalar) {
            // "lo-fi" and "hip-hop" are words apart; "90-100" is a range.
            finishToken()
            if !(tokens.last?.kind == .word && nextIsLetter) {
                appendSymbol("-")
            }
            return
        }
        switch scalar {
        case "&", ":", "=", "+", "/":
            finishToken()
            appendSymbol(String(scalar))
        case _ where TextNormalizer.isClausePunctuation(scalar):
            finishToken()
            appendClauseBreak(spanish: scalar == "¿" || scalar == "¡")
        default:
            finishToken()
        }
    }

    private mutating func appendLetter(_ scalar: Unicode.Scalar, written writtenScalar: Unicode.Scalar) {
        if kind != .word { finishToken() }
        kind = .word
        appendScalar(scalar, written: writtenScalar)
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, written writtenScalar: Unicode.Scalar) {
        guard length < TextNormalizer.maximumWordLength else { return }
        text.unicodeScalars.append(scalar)
        written.unicodeScalars.append(writtenScalar)
        length += 1
    }

    private mutating func appendSymbol(_ symbol: String) {
        tokens.append(PromptToken(kind: .symbol, text: symbol, written: symbol, hasSpanishMark: false))
    }

    private mutating func appendClauseBreak(spanish: Bool) {
        if let last = tokens.last, last.kind == .clauseBreak {
            tokens[tokens.count - 1].hasSpanishMark = last.hasSpanishMark || spanish
            return
        }
        tokens.append(PromptToken(kind: .clauseBreak, text: ",", written: ",", hasSpanishMark: spanish))
    }

    mutating func finishToken() {
        if let kind, !text.isEmpty {
            tokens.append(PromptToken(kind: kind, text: text, written: written, hasSpanishMark: hasSpanishMark))
        }
        text = ""
        written = ""
        kind = nil
        hasSpanishMark = false
        length = 0
    }

    private static func isLetter(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
    }
}
