import SpotifyModels
import Testing

@testable import Curation

@Suite struct SelectionExplanationTests {
    let track = Track(id: "t1", name: "Lluvia de Domingo", durationMs: 1, artists: [SimplifiedArtist(id: "a", name: "Los Faroles")])

    @Test func citesEachTracksValuesAndTheirSource() {
        let features = TrackFeatures(valence: 0.31, energy: 0.22, danceability: 0.4, tempo: 92, origin: .reccoBeats)
        let mood = MoodAnalyzer().analyze("rainy sunday, slow coffee")
        let explanation = SelectionExplanation(tracks: [(track, features)], mood: mood, context: "rainy sunday, slow coffee")
        #expect(explanation.text.contains("Lluvia de Domingo — Los Faroles: valence 0.31, energy 0.22, danceability 0.40, 92 BPM"))
        #expect(explanation.text.contains("ReccoBeats' audio analysis"))
        #expect(explanation.summary.contains("\"rainy sunday, slow coffee\""))
        #expect(!explanation.summary.contains("estimates"))
    }

    @Test func saysPlainlyWhenValuesWereOnlyEstimated() {
        let estimated = TrackFeatures(valence: 0.35, energy: 0.3, danceability: 0.45, origin: .genrePrior("bolero"))
        let explanation = SelectionExplanation(
            tracks: [(track, estimated)], mood: MoodAnalyzer().analyze("sad"), context: "sad")
        #expect(explanation.summary.contains("For 1 of 1 tracks no audio analysis was available"))
        #expect(explanation.entries[0].text.contains("estimated from its genre (bolero)"))
    }

    @Test func valuesAreWrittenToTwoPlaces() {
        #expect(SelectionExplanation.format(0.07) == "0.07")
        #expect(SelectionExplanation.format(0.999) == "1.00")
        #expect(SelectionExplanation.format(0.5) == "0.50")
    }
}
