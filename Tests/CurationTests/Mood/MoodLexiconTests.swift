import Testing

@testable import Curation

@Suite struct MoodLexiconTests {
    let lexicon = MoodLexicon.standard

    @Test func noFormIsListedForTwoConcepts() {
        #expect(lexicon.duplicateForms.isEmpty, "\(lexicon.duplicateForms)")
    }

    @Test func everyConceptHasAFormAndAnEffect() {
        for concept in lexicon.concepts {
            let forms = concept.english + concept.spanish + concept.anyLanguage
            #expect(!forms.isEmpty)
            let doesSomething =
                concept.push.strength > 0 || concept.tag != nil || concept.genre != nil || concept.activity != nil
            #expect(doesSomething, "\(forms)")
        }
    }

    @Test func pushesStayModest() {
        // No single word should pin a value: the strongest feeling words push about 0.4.
        for concept in lexicon.concepts {
            #expect(concept.push.strength <= 0.45, "\(concept.english + concept.spanish + concept.anyLanguage)")
        }
    }

    @Test func tagsAreShortLowercaseEnglish() {
        for tag in lexicon.concepts.compactMap(\.tag) {
            #expect(tag == tag.lowercased(), "\(tag)")
            #expect(tag.unicodeScalars.allSatisfy { $0.isASCII }, "\(tag)")
            #expect(tag.count <= 16, "\(tag)")
        }
    }

    @Test func genreNamesAreLowercaseAndCoverTheCatalog() {
        let names = lexicon.genreNames
        for name in names {
            #expect(name == name.lowercased(), "\(name)")
        }
        for genre in MoodLexicon.catalogGenres {
            #expect(names.contains(genre), "\(genre)")
        }
        #expect(MoodLexicon.catalogGenres.count == 24)
    }

    @Test func eachCatalogGenreIsFoundByItsName() {
        let analyzer = MoodAnalyzer()
        for genre in MoodLexicon.catalogGenres {
            #expect(analyzer.analyze(genre).genres == [genre], "\(genre)")
            #expect(analyzer.analyze("some \(genre.uppercased()) please").genres == [genre], "\(genre)")
        }
    }

    @Test(arguments: [
        ("lo-fi", "lofi hip hop"), ("chillhop", "lofi hip hop"), ("bossa", "bossa nova"), ("orchestral", "classical"),
        ("folk", "acoustic folk"), ("synthwave", "synthpop"), ("deep house", "house"), ("drum & bass", "drum and bass"),
        ("drum n bass", "drum and bass"), ("rap", "hip hop"), ("heavy metal", "metal"), ("pop punk", "punk"),
        ("motown", "soul"), ("regueton", "reggaeton"), ("perreo", "reggaeton"), ("latin pop", "pop latino"),
        ("latin trap", "trap latino"), ("boleros", "bolero"), ("cumbias", "cumbia"), ("sevillanas", "flamenco"),
        ("r&b", "r&b"), ("k-pop", "k-pop"), ("EDM", "edm"), ("salsa", "salsa"), ("techno", "techno"),
    ])
    func synonymsGiveTheCatalogName(_ prompt: String, _ genre: String) {
        #expect(MoodAnalyzer().analyze(prompt).genres == [genre], "\(prompt)")
    }

    @Test func multiWordPhrasesInBothLanguages() {
        let analyzer = MoodAnalyzer()
        #expect(analyzer.analyze("road trip").activity == .driving)
        #expect(analyzer.analyze("late night").tags == ["late night"])
        #expect(analyzer.analyze("para entrenar").activity == .workout)
        #expect(analyzer.analyze("fin de semana").tags == ["weekend"])
        #expect(analyzer.analyze("hora punta").activity == .commute)
    }

    @Test func anInjectedLexiconIsUsed() {
        let tiny = MoodLexicon(concepts: [MoodConcept("gloomy", en: ["meh"], valence: -0.3)])
        let mood = MoodAnalyzer(lexicon: tiny).analyze("meh sad")
        #expect(mood.tags == ["gloomy"])
        #expect(mood.valence < 0.5)
        #expect(mood.explanation.count == 1)
    }
}
