import Testing

@testable import Curation

@Suite struct EmojiTests {
    let analyzer = MoodAnalyzer()

    @Test(arguments: ["😢", "😭", "💔", "😞"])
    func sadFacesLowerValence(_ emoji: String) {
        #expect(analyzer.analyze(emoji).valence < 0.4)
    }

    @Test(arguments: ["😊", "😄", "🥰", "🎉"])
    func happyOnesRaiseValence(_ emoji: String) {
        #expect(analyzer.analyze(emoji).valence > 0.6)
    }

    @Test(arguments: ["🔥", "💪", "🕺", "💃", "😡", "🤘"])
    func livelyOnesRaiseEnergy(_ emoji: String) {
        #expect(analyzer.analyze(emoji).energy > 0.6)
    }

    @Test(arguments: ["😴", "🧘", "☔", "🌧️"])
    func quietOnesLowerEnergy(_ emoji: String) {
        #expect(analyzer.analyze(emoji).energy < 0.45)
    }

    @Test func variationSelectorsAndSkinTonesDoNotMatter() {
        #expect(analyzer.analyze("☀️") == analyzer.analyze("☀"))
        #expect(analyzer.analyze("💪🏿").energy == analyzer.analyze("💪").energy)
        #expect(analyzer.analyze("🧘🏽‍♀️").activity == .meditation)
    }

    @Test func emojiCarryTagsActivitiesAndGenres() {
        #expect(analyzer.analyze("☔️").tags == ["rainy"])
        #expect(analyzer.analyze("💪").activity == .workout)
        #expect(analyzer.analyze("🤘").genres == ["metal"])
        #expect(analyzer.analyze("😡").explanation.first?.phrase == "😡")
    }

    @Test func emojiMixWithWords() {
        let mood = analyzer.analyze("domingo ☕🌧️")
        #expect(mood.tags == ["sunday", "coffee", "rainy"])
        #expect(mood.energy < 0.4)
    }
}
