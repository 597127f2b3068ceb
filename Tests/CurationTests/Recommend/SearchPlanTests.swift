import Testing

@testable import Curation

@Suite struct SearchPlanTests {
    @Test func namedGenresComeFirstAndNoGenreTwice() {
        let mood = MoodAnalyzer().analyze("sad boleros on a rainy night")
        let plan = SearchPlan(request: MixRequest(mood: mood), priors: .standard)
        #expect(plan.searches.first?.genre == "bolero")
        #expect(plan.searches.count <= SearchPlan.maximumSearches)
        let firstPages = plan.searches.filter { $0.offset == 0 }.compactMap(\.genre)
        #expect(Set(firstPages).count == firstPages.count)
        #expect(plan.searches.contains { $0.genre == "bolero" && $0.offset == 10 })
        #expect(plan.searches.contains { $0.genre == nil && $0.tags == [mood.tags[0]] })
    }

    @Test func umbrellaGenresAndGenresInsideOthersAreNotSearched() {
        let mood = MoodAnalyzer().analyze("angustia y ansiedad antes del examen")
        let genres = SearchPlan(request: MixRequest(mood: mood), priors: .standard).searches.compactMap(\.genre)
        #expect(genres.allSatisfy { !GenrePriors.umbrellas.contains($0) })
        for genre in Set(genres) {
            #expect(!genres.contains { $0 != genre && $0.contains(genre) }, "\(genre) is inside another planned genre")
        }
    }
}
