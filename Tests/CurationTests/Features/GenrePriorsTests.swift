import SpotifyModels
import Testing

@testable import Curation

@Suite struct GenrePriorsTests {
    let priors = GenrePriors.standard

    @Test func aGenreNameFindsItsOwnPriorOrTheLongestKnownPartOfIt() {
        #expect(priors.prior(for: "Bossa Nova") == priors.priors["bossa nova"])
        #expect(priors.prior(for: "modern rock") == priors.priors["rock"])
        #expect(priors.prior(for: "latin pop") == priors.priors["latin"])
        #expect(priors.prior(for: "polka") == nil)
    }

    @Test func theNearestGenresOfADarkLoudMoodAreDarkAndLoud() {
        let nearest = priors.genres(nearest: FeatureTarget(valence: 0.2, energy: 0.9, danceability: 0.4), count: 3)
        for genre in nearest {
            let prior = priors.priors[genre]!
            #expect(prior.valence < 0.5 && prior.energy > 0.5, "\(genre)")
        }
        #expect(nearest.allSatisfy { !GenrePriors.umbrellas.contains($0) })
    }

    @Test func anEstimateComesFromTheGenreElseTheWordsElseNothing() {
        let track = Track(id: "t", name: "T", durationMs: 1, artists: [])
        let byGenre = priors.estimate(for: Candidate(track: track, origins: [], genres: ["metal"]))
        #expect(byGenre.origin == .genrePrior("metal") && byGenre.energy > 0.8)
        let byWords = priors.estimate(for: Candidate(track: track, origins: [], tags: ["sad", "rainy"]))
        #expect(byWords.origin == .tagPrior(["sad", "rainy"]) && byWords.valence < 0.5)
        let unknown = priors.estimate(for: Candidate(track: track, origins: []))
        #expect(unknown.origin == .unknown && unknown.valence == 0.5)
    }
}
