import SpotifyModels
import Testing

@testable import Curation

@Suite struct ScoringTests {
    let request = MixRequest(mood: Mood(valence: 0.2, energy: 0.2, tags: ["rainy"], genres: ["bolero"]))

    func candidate(genres: [String] = [], tags: [String] = [], origins: Set<CandidateOrigin> = [.search("x")]) -> Candidate {
        Candidate(track: Track(id: "t", name: "T", durationMs: 1, artists: []), origins: origins, genres: genres, tags: tags)
    }

    @Test func aMeasurementOutweighsAnEqualEstimate() {
        let scoring = Scoring(request: request, recentlyMixed: [])
        let measured = scoring.score(candidate(), TrackFeatures(valence: 0.2, energy: 0.2, danceability: 0.5, origin: .reccoBeats))
        let estimated = scoring.score(candidate(), TrackFeatures(valence: 0.2, energy: 0.2, danceability: 0.5, origin: .genrePrior("x")))
        let unknown = scoring.score(candidate(), TrackFeatures(valence: 0.2, energy: 0.2, danceability: 0.5, origin: .unknown))
        #expect(measured.total > estimated.total && estimated.total > unknown.total)
    }

    @Test func aTrackOnTheWrongSideScoresLowerThanOneClearlyOnTheRightSide() {
        let scoring = Scoring(request: request, recentlyMixed: [])
        let right = scoring.score(candidate(), TrackFeatures(valence: 0.3, energy: 0.3, danceability: 0.5, origin: .reccoBeats))
        let wrong = scoring.score(candidate(), TrackFeatures(valence: 0.55, energy: 0.1, danceability: 0.5, origin: .reccoBeats))
        #expect(right.total > wrong.total)
    }

    @Test func genresAndWordsOfTheMoodCountAndRecentMixesCountAgainst() {
        let features = TrackFeatures(valence: 0.3, energy: 0.3, danceability: 0.5, origin: .reccoBeats)
        let plain = Scoring(request: request, recentlyMixed: []).score(candidate(), features)
        let matching = Scoring(request: request, recentlyMixed: []).score(candidate(genres: ["bolero"], tags: ["rainy"]), features)
        let repeated = Scoring(request: request, recentlyMixed: ["t"]).score(candidate(), features)
        #expect(matching.total > plain.total)
        #expect(matching.reasons.contains("genre bolero"))
        #expect(repeated.total < plain.total)
        #expect(repeated.reasons.contains("was in a recent mix"))
    }

    @Test func fitIsOneOnTargetAndFallsWithDistance() {
        let target = FeatureTarget(valence: 0.4, energy: 0.6, danceability: 0.5, tempo: 120)
        let exact = TrackFeatures(valence: 0.4, energy: 0.6, danceability: 0.5, tempo: 120, origin: .spotify)
        let off = TrackFeatures(valence: 0.9, energy: 0.1, danceability: 0.5, tempo: 60, origin: .spotify)
        #expect(Scoring.fit(exact, target) == 1)
        #expect(Scoring.fit(off, target) < 0.3)
    }
}
