import Testing

@testable import Curation

@Suite struct NegationTests {
    let analyzer = MoodAnalyzer()

    @Test func englishNegationFlipsAndDampens() {
        let sad = analyzer.analyze("sad").valence
        let notSad = analyzer.analyze("not sad").valence
        let happy = analyzer.analyze("happy").valence
        #expect(notSad > 0.5)
        #expect(notSad < happy)
        #expect(sad < 0.5)
    }

    @Test func spanishNegationFlipsAndDampens() {
        #expect(analyzer.analyze("no estoy triste").valence > 0.5)
        #expect(analyzer.analyze("nada movido").energy < 0.5)
        #expect(analyzer.analyze("sin estrés").valence > 0.5)
        #expect(analyzer.analyze("no quiero nada ruidoso").energy < 0.5)
    }

    @Test func negationReachesPastFillerWords() {
        #expect(analyzer.analyze("don't want anything upbeat").energy < 0.5)
        #expect(analyzer.analyze("nothing too loud").energy < 0.5)
        #expect(analyzer.analyze("I'm not in the mood for party music").energy < 0.5)
        #expect(analyzer.analyze("I don't want to feel sad anymore").valence > 0.5)
    }

    @Test func negationCoversASeriesOfWords() {
        let mood = analyzer.analyze("not sad or lonely")
        #expect(mood.explanation.filter { $0.modifier == .negated && $0.feature == .valence }.count == 2)
    }

    @Test func negationStopsAtAClauseBreak() {
        let mood = analyzer.analyze("not sad, tired")
        #expect(mood.explanation.contains { $0.phrase == "tired" && $0.modifier == nil })
        let pero = analyzer.analyze("no quiero bailar pero sí quiero algo alegre")
        #expect(pero.explanation.contains { $0.phrase.hasSuffix("alegre") && $0.modifier != .negated })
        #expect(pero.valence > 0.5)
    }

    @Test func negationFadesAfterAFewWords() {
        let mood = analyzer.analyze("not what I usually listen to when happy")
        #expect(mood.explanation.contains { $0.phrase == "happy" && $0.modifier == nil })
    }

    @Test func spanishDoubleNegationIsOneNegation() {
        let once = analyzer.analyze("no estoy triste").valence
        let doubled = analyzer.analyze("no estoy nada triste").valence
        #expect(doubled == once)
    }

    @Test func neverWithAComparisonIsPraise() {
        #expect(analyzer.analyze("never felt this happy").valence > analyzer.analyze("happy").valence)
        #expect(analyzer.analyze("nunca estuve tan feliz").valence > 0.7)
        #expect(analyzer.analyze("never happy").valence < 0.5)
    }

    @Test func explanationQuotesTheNegationAsWritten() {
        let spanish = analyzer.analyze("no quiero nada movido ni ruidoso").explanation.map(\.phrase)
        #expect(spanish.contains("no quiero nada movido"))
        #expect(spanish.contains("ni ruidoso"))
        #expect(analyzer.analyze("don't want anything upbeat").explanation.first?.phrase == "don't want anything upbeat")
        #expect(analyzer.analyze("never felt this happy").explanation.first?.phrase == "never felt this happy")
        let series = analyzer.analyze("not sad or lonely").explanation.map(\.phrase)
        #expect(series.contains("not sad") && series.contains("not lonely"))
    }

    @Test func barelyAndHardlyLeanTheOtherWay() {
        #expect(analyzer.analyze("barely awake").energy < 0.5)
        #expect(analyzer.analyze("hardly happy").valence < 0.5)
    }

    @Test func negatedWordsAddNoTagsGenresOrActivity() {
        let mood = analyzer.analyze("no reggaeton, nothing sad, not for the gym")
        #expect(mood.genres.isEmpty)
        #expect(!mood.tags.contains("sad"))
        #expect(mood.activity == nil)
    }

    @Test func phrasesThatStartWithANegationAreConcepts() {
        #expect((analyzer.analyze("no lyrics").instrumentalness ?? 0) > 0.6)
        #expect((analyzer.analyze("sin letra").instrumentalness ?? 0) > 0.6)
        #expect(analyzer.analyze("I can't stop dancing").energy > 0.6)
        #expect(analyzer.analyze("sin parar").energy > 0.5)
    }

    @Test func negationIgnoresIntensifiers() {
        // "not too loud" asks for moderate, not for very quiet.
        let notTooLoud = analyzer.analyze("not too loud").energy
        let notLoud = analyzer.analyze("not loud").energy
        #expect(notTooLoud == notLoud)
        #expect(notTooLoud < 0.5)
    }
}
