import Testing

@testable import Curation

@Suite struct TempoReaderTests {
    let analyzer = MoodAnalyzer()

    @Test(arguments: [
        ("120 bpm", 120.0), ("around 90 BPM", 90), ("música a 140 bpm", 140), ("90-100 bpm", 95),
        ("tempo 128", 128), ("tempo of about 100", 100), ("tempo de 75", 75), ("120bpm", 120),
        ("entre 90 y 110 bpm", 100), ("100 to 110 bpm", 105), ("100 beats per minute", 100), ("bpm: 128", 128),
        ("~ 172.5 bpm", 172.5), ("90–100 BPM", 95),
    ])
    func readsStatedTempos(_ prompt: String, _ expected: Double) {
        #expect(analyzer.analyze(prompt).tempo == expected, "\(prompt)")
    }

    @Test(arguments: ["top 50 songs", "2 hours of music", "1000 bpm", "5 bpm", "tempo", "bpm", "my 30th birthday"])
    func otherNumbersAreNotTempos(_ prompt: String) {
        #expect(analyzer.analyze(prompt).tempo == nil, "\(prompt)")
    }

    @Test func rangePhraseIsQuotedAsWritten() {
        let evidence = analyzer.analyze("90-100 bpm").explanation.first { $0.feature == .tempo }
        #expect(evidence?.phrase == "90-100 bpm")
        #expect(evidence?.change == 95)
    }

    @Test func statedTempoMovesEnergy() {
        #expect(analyzer.analyze("160 bpm").energy > 0.6)
        #expect(analyzer.analyze("60 bpm").energy < 0.4)
        #expect(abs(analyzer.analyze("110 bpm").energy - 0.5) < 0.01)
    }

    @Test func statedTempoWinsOverTypicalOnes() {
        #expect(analyzer.analyze("running").tempo == 165)
        #expect(analyzer.analyze("running at 150 bpm").tempo == 150)
    }

    @Test func decadesBecomeTags() {
        #expect(analyzer.analyze("80s hits").tags.contains("80s"))
        #expect(analyzer.analyze("los 90").tags == ["90s"])
        #expect(analyzer.analyze("the 2000s").tags == ["2000s"])
        #expect(analyzer.analyze("80s music").tempo == nil)
    }
}
