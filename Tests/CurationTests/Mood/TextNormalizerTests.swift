import Testing

@testable import Curation

@Suite struct TextNormalizerTests {
    func texts(_ prompt: String) -> [String] {
        TextNormalizer.tokens(of: prompt).map(\.text)
    }

    @Test func lowercasesAndStripsAccents() {
        #expect(texts("Música ENERGÍA Mañana Ñandú") == ["musica", "energia", "manana", "nandu"])
        #expect(texts("café crème façade") == ["cafe", "creme", "facade"])
    }

    @Test func combiningMarksAreDropped() {
        #expect(texts("mu\u{301}sica") == ["musica"])
        #expect(texts("man\u{303}ana") == ["manana"])
    }

    @Test func writtenFormKeepsAccents() {
        let tokens = TextNormalizer.tokens(of: "Reggaetón")
        #expect(tokens.first?.written == "reggaetón")
        #expect(tokens.first?.hasSpanishMark == true)
    }

    @Test func apostrophesJoinAndHyphensSplitWords() {
        #expect(texts("don't let's I'm") == ["dont", "lets", "im"])
        #expect(texts("don´t") == ["dont"])
        #expect(texts("lo-fi hip-hop k-pop") == ["lo", "fi", "hip", "hop", "k", "pop"])
    }

    @Test func numbersSplitFromLettersAndRangesKeepTheirDash() {
        #expect(texts("120bpm") == ["120", "bpm"])
        #expect(texts("90-100 bpm") == ["90", "-", "100", "bpm"])
        #expect(texts("172.5") == ["172.5"])
        #expect(texts("3am") == ["3", "am"])
    }

    @Test func punctuationBecomesOneClauseBreak() {
        let tokens = TextNormalizer.tokens(of: "sad, ... happy!! ¿y?")
        #expect(tokens.map(\.kind) == [.word, .clauseBreak, .word, .clauseBreak, .word, .clauseBreak])
        #expect(tokens[3].hasSpanishMark)
    }

    @Test func emojiAreTokensWithoutSelectorsOrSkinTones() {
        #expect(texts("☀️☀") == ["☀", "☀"])
        #expect(texts("💪🏽💪") == ["💪", "💪"])
        #expect(texts("happy😊") == ["happy", "😊"])
        #expect(TextNormalizer.tokens(of: "🌧️").first?.kind == .emoji)
    }

    @Test func digitsAndSymbolsAreNotEmoji() {
        #expect(!TextNormalizer.isEmoji("1"))
        #expect(!TextNormalizer.isEmoji("#"))
        #expect(!TextNormalizer.isEmoji("©"))
        #expect(TextNormalizer.isEmoji("❤️"))
    }

    @Test func hugeInputIsCutShort() {
        let tokens = TextNormalizer.tokens(of: String(repeating: "sad ", count: 100_000))
        #expect(tokens.count <= TextNormalizer.maximumTokens)
        let longWord = TextNormalizer.tokens(of: String(repeating: "a", count: 10_000))
        #expect(longWord.first?.text.count == TextNormalizer.maximumWordLength)
    }
}
