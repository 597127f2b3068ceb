import Testing

@testable import Curation

/// The analyzer takes any string a client sends. None of these may crash it or push a value
/// off the scale.
@Suite struct OddInputTests {
    let analyzer = MoodAnalyzer()

    static let oddInputs: [String] = [
        "", " ", "\n\n\t", "\u{0}\u{1}\u{7}\u{1B}[31m", "\u{301}\u{301}\u{301}", "z\u{336}\u{335}\u{334}a\u{337}l\u{338}go",
        "🎉", String(repeating: "🎉", count: 5_000), "👨‍👩‍👧‍👦🏳️‍🌈🇪🇸", "\u{FE0F}\u{200D}\u{FE0F}", "-", "--", "- 100 bpm",
        "bpm bpm bpm", "90-", "-90 bpm", "tempo", "tempo tempo 120", "99999999999999999999999999999999 bpm",
        "1e308 bpm", "0.0000001 bpm", "120.", ".5 bpm", "120 - - 130 bpm", "not", "no no no no", "very", "un poco",
        "never", "tristísimoísimo", "isimo", "ísima", "a", "ñ", "¿¡", "'''", "don''t", "مرحبا بالعالم", "你好世界",
        "Привет, мир", "\u{202E}reversed", "\u{FFFD}\u{FFFF}", String(repeating: "a", count: 100_000),
        String(repeating: "sad ", count: 50_000), String(repeating: "not ", count: 10_000) + "happy",
        String(repeating: "very ", count: 10_000) + "happy", String(repeating: "1", count: 10_000) + " bpm",
        String(repeating: "-", count: 10_000), "a\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}",
    ]

    @Test func oddInputsGiveAMoodOnTheScale() {
        for input in Self.oddInputs {
            let mood = analyzer.analyze(input)
            for value in [mood.valence, mood.energy, mood.danceability, mood.confidence] {
                #expect(value.isFinite && value >= 0 && value <= 1, "\(input.prefix(40))")
            }
            if let tempo = mood.tempo { #expect(TempoReader.plausibleTempo.contains(tempo)) }
        }
    }

    @Test func randomScalarSoupNeverCrashes() {
        // A fixed linear congruential generator: the same soup on every run.
        var state: UInt64 = 0x5E71_1575
        func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        let pieces = ["sad", "no", "muy", "bpm", "-", "120", "🎉", "ísimo", "\u{301}", " ", ",", "'", "¿", "re"]
        for _ in 0..<300 {
            var soup = ""
            for _ in 0..<Int(next() % 40) {
                if next() % 3 == 0 {
                    soup += pieces[Int(next() % UInt32(pieces.count))]
                } else if let scalar = Unicode.Scalar(next() % 0x1_FFFF) {
                    soup.unicodeScalars.append(scalar)
                }
            }
            let mood = analyzer.analyze(soup)
            #expect(mood.valence >= 0.02 && mood.valence <= 0.98)
            #expect(analyzer.analyze(soup) == mood)
        }
    }
}
