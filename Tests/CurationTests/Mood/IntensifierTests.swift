import Testing

@testable import Curation

@Suite struct IntensifierTests {
    let analyzer = MoodAnalyzer()

    @Test func strongerWordsMoveFurther() {
        let aBit = analyzer.analyze("a bit sad").valence
        let plain = analyzer.analyze("sad").valence
        let very = analyzer.analyze("very sad").valence
        let extremely = analyzer.analyze("extremely sad").valence
        #expect(aBit < 0.5)
        #expect(aBit > plain)
        #expect(very < plain)
        #expect(extremely < very)
    }

    @Test(arguments: ["really", "super", "so", "extremely", "totally"])
    func englishIntensifiers(_ word: String) {
        #expect(analyzer.analyze("\(word) happy").valence > analyzer.analyze("happy").valence)
    }

    @Test(arguments: ["a bit", "slightly", "kind of", "kinda", "a little", "somewhat"])
    func englishSofteners(_ words: String) {
        let softened = analyzer.analyze("\(words) happy").valence
        #expect(softened > 0.5)
        #expect(softened < analyzer.analyze("happy").valence)
    }

    @Test(arguments: ["muy", "súper", "re", "bien", "demasiado"])
    func spanishIntensifiers(_ word: String) {
        #expect(analyzer.analyze("\(word) triste").valence < analyzer.analyze("triste").valence)
    }

    @Test(arguments: ["un poco", "algo", "ligeramente", "medio"])
    func spanishSofteners(_ words: String) {
        let softened = analyzer.analyze("\(words) triste").valence
        #expect(softened < 0.5)
        #expect(softened > analyzer.analyze("triste").valence)
    }

    @Test func spanishSuperlativesIntensify() {
        #expect(analyzer.analyze("tristísimo").valence < analyzer.analyze("triste").valence)
        #expect(analyzer.analyze("felicísima").valence > analyzer.analyze("feliz").valence)
        #expect(analyzer.analyze("cansadísimo").energy < analyzer.analyze("cansado").energy)
        let evidence = analyzer.analyze("tristísimo").explanation.first
        #expect(evidence?.modifier == .intensified)
        #expect(evidence?.phrase == "tristísimo")
    }

    @Test func stackedIntensifiersAreCapped() {
        let twice = analyzer.analyze("very very sad").valence
        let many = analyzer.analyze("very very very very very sad").valence
        #expect(twice < analyzer.analyze("very sad").valence)
        #expect(many == analyzer.analyze("extremely extremely sad").valence)
    }

    @Test func anIntensifierWithNoMoodWordAfterItIsAnOrdinaryWord() {
        // "bien" is "very" before an adjective, "good" on its own.
        #expect(analyzer.analyze("me siento bien").valence > 0.5)
        #expect(analyzer.analyze("so I can focus").explanation.allSatisfy { $0.modifier == nil })
    }

    @Test func elongatedWordsReadAsTheirWord() {
        #expect(analyzer.analyze("sooo happyyyy").valence > analyzer.analyze("happy").valence)
        #expect(analyzer.analyze("let's goooo").energy > 0.5)
    }
}
