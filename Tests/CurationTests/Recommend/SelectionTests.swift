import SpotifyModels
import Testing

@testable import Curation

/// Variety: one entry a song, few tracks an artist, artists kept apart.
@Suite struct SelectionTests {
    func scored(_ id: String, _ name: String, artist: String, isrc: String? = nil, score: Double) -> Selection.Scored {
        var track = Track(id: id, name: name, durationMs: 1, artists: [SimplifiedArtist(id: "", name: artist)])
        if let isrc { track.externalIds = ExternalIDs(isrc: isrc) }
        return Selection.Scored(
            candidate: Candidate(track: track, origins: [.saved]),
            features: TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .reccoBeats),
            score: Scoring.Score(total: score, fit: score, reasons: []))
    }

    @Test func theSameSongUnderAnotherIdIsLeftOut() {
        let picked = Selection.pick(
            [
                scored("a", "Lluvia", artist: "Faroles", isrc: "ES1", score: 0.9),
                scored("b", "Lluvia - Remastered 2011", artist: "Faroles", score: 0.8),
                scored("c", "Otra", artist: "Otros", isrc: "es1", score: 0.7),
                scored("d", "Lluvia (feat. Nadie)", artist: "FAROLES", score: 0.6),
                scored("e", "Sol", artist: "Faroles", score: 0.5),
            ], count: 10)
        #expect(picked.map(\.candidate.id).sorted() == ["a", "e"])
    }

    @Test func atMostTwoOfAnArtistInTwenty() {
        let items = (0..<30).map { scored("t\($0)", "Song \($0)", artist: $0 < 10 ? "Prolific" : "Artist \($0)", score: 1 - Double($0) / 100) }
        let twenty = Selection.pick(items, count: 20)
        #expect(twenty.filter { $0.candidate.track.artists[0].name == "Prolific" }.count == 2)
        let forty = Selection.pick(items + (30..<60).map { scored("u\($0)", "Other \($0)", artist: "Many \($0)", score: 0.1) }, count: 40)
        #expect(forty.filter { $0.candidate.track.artists[0].name == "Prolific" }.count == 4)
    }

    @Test func anArtistsTracksAreKeptApart() {
        let items = [
            scored("a", "A", artist: "One", score: 0.9), scored("b", "B", artist: "One", score: 0.8),
            scored("c", "C", artist: "Two", score: 0.7),
        ]
        let order = Selection.pick(items, count: 3).map { $0.candidate.track.artists[0].name }
        #expect(order == ["One", "Two", "One"])
    }
}
