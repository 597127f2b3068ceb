import Foundation
import Testing

@testable import Curation

@Suite struct MoodAnalyzerTests {
    let analyzer = MoodAnalyzer()

    // MARK: - The combination model

    @Test(arguments: ["", "any", "whatever", "surprise me", "play some songs", "música", "lo que sea", "😶", "42"])
    func promptsWithNothingToReadStayNeutral(_ prompt: String) {
        let mood = analyzer.analyze(prompt)
        #expect(abs(mood.valence - 0.5) < 0.06)
        #expect(abs(mood.energy - 0.5) < 0.06)
        #expect(abs(mood.danceability - 0.5) < 0.06)
        #expect(mood.confidence < 0.3)
        #expect(mood.activity == nil)
        #expect(mood.genres.isEmpty)
    }

    @Test func nothingRecognisedMeansNoConfidenceAtAll() {
        let mood = analyzer.analyze("the brown fox and the fence")
        #expect(mood.confidence == 0)
        #expect(mood.explanation.isEmpty)
        #expect(mood.valence == 0.5 && mood.energy == 0.5)
    }

    @Test func oneStrongWordMovesClearlyAcrossTheMiddle() {
        #expect(analyzer.analyze("sad").valence < 0.35)
        #expect(analyzer.analyze("happy").valence > 0.65)
        #expect(analyzer.analyze("angry").energy > 0.65)
        #expect(analyzer.analyze("sleepy").energy < 0.35)
    }

    @Test func mixedSignalsLandBetween() {
        let happy = analyzer.analyze("happy").valence
        let sad = analyzer.analyze("sad").valence
        let both = analyzer.analyze("happy and sad").valence
        #expect(both > sad && both < happy)
        #expect(abs(both - 0.5) < 0.05)
    }

    @Test func moreEvidenceGivesMoreConfidence() {
        let one = analyzer.analyze("sad").confidence
        let three = analyzer.analyze("sad lonely rainy night").confidence
        #expect(one > 0.3)
        #expect(three > one)
        #expect(three <= 0.95)
    }

    @Test func listenerExpectationsFromTheBrief() {
        let rainySunday = analyzer.analyze("rainy sunday, slow coffee")
        #expect(rainySunday.energy < 0.4)
        #expect(rainySunday.valence < 0.6)
        #expect(analyzer.analyze("música para entrenar fuerte").energy > 0.65)
        let heartbroken = analyzer.analyze("heartbroken")
        #expect(heartbroken.valence < 0.5 && heartbroken.energy < 0.5)
        let angry = analyzer.analyze("angry")
        #expect(angry.valence < 0.5 && angry.energy > 0.5)
        let calmButHappy = analyzer.analyze("calm but happy")
        #expect(calmButHappy.valence > 0.5 && calmButHappy.energy < 0.5)
    }

    @Test func valuesStayOnTheScaleHoweverMuchIsSaid() {
        let mood = analyzer.analyze(String(repeating: "extremely happy euphoric party dance 🎉 ", count: 200))
        for value in [mood.valence, mood.energy, mood.danceability] {
            #expect(value >= 0.02 && value <= 0.98)
        }
    }

    // MARK: - Determinism

    @Test func samePromptGivesTheSameMood() {
        let prompt = "not too sad, un poco nostálgico, 90-100 bpm jazz on a rainy sunday ☔️"
        let first = analyzer.analyze(prompt)
        for _ in 0..<20 {
            #expect(analyzer.analyze(prompt) == first)
            #expect(MoodAnalyzer().analyze(prompt) == first)
        }
    }

    // MARK: - Explanation

    @Test func explanationListsTheWordsThatMovedEachValue() {
        let mood = analyzer.analyze("rainy sunday")
        let rainy = mood.explanation.first { $0.phrase == "rainy" && $0.feature == .valence }
        #expect(rainy?.change == -0.12)
        #expect(mood.explanation.contains { $0.phrase == "sunday" && $0.feature == .energy && $0.change < 0 })
    }

    @Test func explanationNamesGenresActivitiesAndTempo() {
        let mood = analyzer.analyze("reggaetón para entrenar a 100 bpm")
        #expect(mood.explanation.contains { $0.feature == .genre && $0.label == "reggaeton" && $0.phrase == "reggaetón" })
        #expect(mood.explanation.contains { $0.feature == .activity && $0.label == "workout" })
        #expect(mood.explanation.contains { $0.feature == .tempo && $0.change == 100 && $0.phrase == "100 bpm" })
    }

    @Test func explanationShowsModifiersWithTheirWords() {
        let mood = analyzer.analyze("not sad, very happy, a bit tired")
        #expect(mood.explanation.contains { $0.phrase == "not sad" && $0.modifier == .negated && $0.feature == .valence })
        #expect(mood.explanation.contains { $0.phrase == "very happy" && $0.modifier == .intensified })
        #expect(mood.explanation.contains { $0.phrase == "a bit tired" && $0.modifier == .softened })
    }

    // MARK: - Genres, activities, tags

    @Test func catalogGenresAreNamedExactly() {
        #expect(analyzer.analyze("some lo-fi beats").genres == ["lofi hip hop"])
        #expect(analyzer.analyze("dnb for running").genres == ["drum and bass"])
        #expect(analyzer.analyze("latin pop hits").genres == ["pop latino"])
        #expect(analyzer.analyze("música clásica").genres == ["classical"])
        #expect(analyzer.analyze("HIP-HOP and Rock").genres == ["hip hop", "rock"])
        #expect(analyzer.analyze("boleros de mi abuela").genres == ["bolero"])
        #expect(analyzer.analyze("bossa for dinner").genres == ["bossa nova"])
    }

    @Test func genresCarryTheirSound() {
        let reggaeton = analyzer.analyze("reggaeton")
        #expect(reggaeton.energy > 0.6 && reggaeton.danceability > 0.7)
        let lofi = analyzer.analyze("lofi")
        #expect(lofi.energy < 0.4)
        #expect((lofi.instrumentalness ?? 0) > 0.65)
        #expect(analyzer.analyze("ambient").energy < 0.35)
    }

    @Test func impliedGenresOnlyWhenNoneIsNamed() {
        #expect(analyzer.analyze("music to study").genres == ["lofi hip hop"])
        #expect(analyzer.analyze("jazz to study").genres == ["jazz"])
    }

    @Test func activitiesAreRecognisedInBothLanguages() {
        #expect(analyzer.analyze("gym session").activity == .workout)
        #expect(analyzer.analyze("para entrenar").activity == .workout)
        #expect(analyzer.analyze("going for a run").activity == .running)
        #expect(analyzer.analyze("road trip").activity == .driving)
        #expect(analyzer.analyze("hora punta").activity == .commute)
        #expect(analyzer.analyze("cocinando la cena").activity == .cooking)
        #expect(analyzer.analyze("music to fall asleep").activity == .sleep)
    }

    @Test func tagsAreShortEnglishWordsEvenForSpanishPrompts() {
        let mood = analyzer.analyze("domingo lluvioso con café, para estudiar")
        #expect(mood.tags == ["sunday", "rainy", "coffee", "study"])
        let weekend = analyzer.analyze("fin de semana en la playa")
        #expect(weekend.tags == ["weekend", "beach"])
    }

    @Test func multiWordPhrasesWinOverTheirWords() {
        #expect(analyzer.analyze("late night").tags == ["late night"])
        #expect(analyzer.analyze("road trip").tags == ["road trip"])
        #expect(analyzer.analyze("cleaning the house").genres.isEmpty)
        #expect(analyzer.analyze("house music").genres == ["house"])
    }

    // MARK: - Accents and case

    @Test func accentsAreOptional() {
        let pairs = [
            ("música con energía por la mañana", "musica con energia por la manana"),
            ("MELANCOLÍA", "melancolia"), ("reggaetón", "reggaeton"), ("café", "cafe"),
            ("tristísimo", "tristisimo"),
        ]
        for (accented, plain) in pairs {
            let withAccents = analyzer.analyze(accented)
            let without = analyzer.analyze(plain)
            #expect(withAccents.valence == without.valence, "\(accented)")
            #expect(withAccents.energy == without.energy, "\(accented)")
            #expect(withAccents.tags == without.tags, "\(accented)")
            #expect(withAccents.genres == without.genres, "\(accented)")
        }
    }

    @Test func decomposedAccentsReadLikePrecomposedOnes() {
        let decomposed = "melancoli\u{301}a"
        #expect(analyzer.analyze(decomposed).tags == ["melancholic"])
    }

    @Test func caseDoesNotMatter() {
        #expect(analyzer.analyze("HAPPY Summer ROAD TRIP") == analyzer.analyze("happy summer road trip"))
    }

    // MARK: - Codable

    @Test func moodRoundTripsThroughJSON() throws {
        let mood = analyzer.analyze("not too sad, 120 bpm reggaeton 🎉")
        let data = try JSONEncoder().encode(mood)
        #expect(try JSONDecoder().decode(Mood.self, from: data) == mood)
    }
}
