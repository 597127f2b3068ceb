import SpotifyModels
import Testing

@testable import Curation

/// The recommender end to end on a scripted catalog.
@Suite struct RecommenderTests {
    static let catalog = ScriptedCatalog.make(genres: [
        "ambient": (0.2, 0.15), "bolero": (0.3, 0.3), "bossa nova": (0.65, 0.3), "funk": (0.8, 0.75), "metal": (0.25, 0.92),
        "house": (0.6, 0.82),
    ])

    func recommender(_ catalog: ScriptedCatalog = catalog, sources: [any FeatureSource]? = nil) -> Recommender {
        Recommender(catalog: catalog, features: FeatureChain(sources: sources ?? [ScriptedFeatures(catalog: catalog)]))
    }

    func quadrantShare(_ mix: Recommendation, valenceHigh: Bool, energyHigh: Bool) -> Double {
        let inside = mix.picks.filter { pick in
            let truth = Self.catalog.features(pick.track.id)!
            return (truth.valence > 0.5) == valenceHigh && (truth.energy > 0.5) == energyHigh
        }
        return Double(inside.count) / Double(mix.picks.count)
    }

    @Test func aMoodGetsTracksOfItsQuadrant() async {
        let happy = await recommender().recommend(MixRequest(mood: MoodAnalyzer().analyze("happy dance party"), count: 20))
        #expect(happy.picks.count == 20)
        #expect(quadrantShare(happy, valenceHigh: true, energyHigh: true) >= 0.9)
        let sad = await recommender().recommend(MixRequest(mood: MoodAnalyzer().analyze("sad and quiet, crying alone"), count: 20))
        #expect(quadrantShare(sad, valenceHigh: false, energyHigh: false) >= 0.9)
    }

    @Test func aMixHoldsNoTrackTwiceAndFewOfAnArtist() async {
        let mix = await recommender().recommend(MixRequest(mood: MoodAnalyzer().analyze("angry metal"), count: 20))
        let ids = mix.picks.map(\.track.id)
        #expect(Set(ids).count == ids.count)
        let perArtist = Dictionary(grouping: mix.picks, by: { $0.track.artists[0].name }).values.map(\.count)
        #expect(perArtist.allSatisfy { $0 <= 2 })
    }

    @Test func seedsAreNotRepeated() async {
        let seeds = Array(Self.catalog.songs.filter { $0.genre == "funk" }.prefix(3).map(\.track.id))
        let mix = await recommender().recommend(MixRequest(mood: MoodAnalyzer().analyze("funky"), count: 20, seedTrackIDs: seeds))
        #expect(Set(mix.picks.map(\.track.id)).isDisjoint(with: seeds))
    }

    @Test func aFailingSourceLeavesANoteNotAHole() async {
        var catalog = Self.catalog
        catalog.failing = ["top", "recent", "saved"]
        let mix = await recommender(catalog).recommend(MixRequest(mood: MoodAnalyzer().analyze("happy upbeat"), count: 10))
        #expect(mix.picks.count == 10)
        #expect(mix.notes.contains { $0.contains("top tracks") })
    }

    @Test func withoutAnalysisEveryPickSaysItWasEstimated() async {
        let mix = await recommender(sources: [ScriptedFeatures(catalog: Self.catalog, fails: true)])
            .recommend(MixRequest(mood: MoodAnalyzer().analyze("calm bossa nova morning"), count: 10))
        #expect(mix.picks.count == 10)
        #expect(mix.estimatedCount == 10)
        #expect(mix.notes.contains { $0.contains("Scripted analysis could not be reached") })
    }

    @Test func anEnergyArcRisesThenFalls() async {
        let mix = await recommender().recommend(MixRequest(mood: MoodAnalyzer().analyze("party"), count: 12, energyArc: true))
        let energies = mix.picks.map(\.features.energy)
        let peak = energies.firstIndex(of: energies.max()!)!
        #expect(peak > 0 && peak < energies.count - 1)
        #expect(energies[..<peak].elementsEqual(energies[..<peak].sorted()))
        #expect(energies[peak...].elementsEqual(energies[peak...].sorted(by: >)))
    }

    @Test func asManyAsCanBeFoundAndANoteForTheRest() async {
        let tiny = ScriptedCatalog.make(genres: ["funk": (0.8, 0.75)], perGenre: 4)
        let mix = await recommender(tiny).recommend(MixRequest(mood: MoodAnalyzer().analyze("funk"), count: 30))
        #expect(mix.picks.count == 4)
        #expect(mix.notes.contains { $0.contains("Only 4 of 30") })
    }
}
