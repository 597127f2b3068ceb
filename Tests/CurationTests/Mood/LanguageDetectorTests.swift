import Testing

@testable import Curation

@Suite struct LanguageDetectorTests {
    let analyzer = MoodAnalyzer()

    @Test(arguments: [
        ("happy songs for a summer road trip", Language.english),
        ("I'm heartbroken and want to cry", .english),
        ("estoy triste y quiero llorar", .spanish),
        ("música alegre para una fiesta", .spanish),
        ("road trip por la costa con el sol", .spanish),
        ("chill vibes para estudiar", .mixed),
        ("música happy para el road trip", .mixed),
        ("sad songs en español para llorar", .mixed),
        ("relax en casa, nothing too intense", .mixed),
        ("🎉🔥", .unknown),
        ("reggaeton", .unknown),
        ("", .unknown),
        ("120 bpm", .unknown),
    ])
    func detectsTheLanguage(_ prompt: String, _ language: Language) {
        #expect(analyzer.analyze(prompt).language == language, "\(prompt)")
    }

    @Test func spanishMarksCountAsSpanish() {
        #expect(analyzer.analyze("¿reggaetón?").language == .spanish)
    }
}
