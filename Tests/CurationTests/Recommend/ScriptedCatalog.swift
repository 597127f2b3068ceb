import Foundation
import SpotifyModels

@testable import Curation

/// A catalog in memory: tracks with their true features and genres, a listener's
/// history, and searches that match genre names and title words. Any call can be made
/// to fail.
struct ScriptedCatalog: MusicCatalog {
    struct Song {
        var track: Track
        var features: TrackFeatures
        var genre: String
    }

    var songs: [Song]
    var history: [String] = []
    var failing: Set<String> = []

    struct Unavailable: Error {}

    /// `count` songs a genre, features spread around the genre's usual sound.
    static func make(genres: [String: (valence: Double, energy: Double)], perGenre count: Int = 30) -> ScriptedCatalog {
        var songs: [Song] = []
        for (genre, sound) in genres.sorted(by: { $0.key < $1.key }) {
            for index in 0..<count {
                let spread = Double(index % 7 - 3) * 0.04
                let artist = SimplifiedArtist(id: "\(genre)-artist-\(index % 10)", name: "\(genre.capitalized) Artist \(index % 10)")
                let track = Track(id: "\(genre.replacingSpaces)-\(index)", name: "\(genre) song \(index)", durationMs: 200_000, artists: [artist])
                let features = TrackFeatures(
                    valence: min(1, max(0, sound.valence + spread)), energy: min(1, max(0, sound.energy - spread)), danceability: 0.5,
                    origin: .reccoBeats)
                songs.append(Song(track: track, features: features, genre: genre))
            }
        }
        return ScriptedCatalog(songs: songs, history: songs.enumerated().filter { $0.offset % 9 == 0 }.map(\.element.track.id))
    }

    private func check(_ call: String) throws {
        if failing.contains(call) { throw Unavailable() }
    }

    private var historyTracks: [Track] { songs.filter { history.contains($0.track.id) }.map(\.track) }

    func topTracks(_ range: TimeRange, limit: Int) async throws -> [Track] {
        try check("top")
        return Array(historyTracks.prefix(limit))
    }

    func topArtistIDs(limit: Int) async throws -> [String] {
        try check("artists")
        return Array(historyTracks.compactMap { $0.artists.first?.id }.prefix(limit))
    }

    func tracks(byArtist artistID: String, limit: Int) async throws -> [Track] {
        try check("artistTracks")
        return Array(songs.filter { $0.track.artists.first?.id == artistID }.map(\.track).prefix(limit))
    }

    func recentlyPlayed(limit: Int) async throws -> [Track] {
        try check("recent")
        return Array(historyTracks.reversed().prefix(limit))
    }

    func savedTracks(limit: Int) async throws -> [Track] {
        try check("saved")
        return Array(historyTracks.prefix(limit))
    }

    func searchTracks(_ query: String, limit: Int, offset: Int) async throws -> [Track] {
        try check("search")
        let words = query.replacingOccurrences(of: "genre:", with: "").replacingOccurrences(of: "\"", with: "")
        let found = songs.filter { $0.genre == words || $0.track.name.contains(words) }.map(\.track)
        return Array(found.dropFirst(offset).prefix(limit))
    }

    func tracks(ids: [String]) async throws -> [Track] {
        try check("tracks")
        return songs.filter { ids.contains($0.track.id) }.map(\.track)
    }

    func features(_ id: String) -> TrackFeatures? {
        songs.first { $0.track.id == id }?.features
    }
}

/// Features as an analysis service would give them: the catalog's own, for the ids it knows.
struct ScriptedFeatures: FeatureSource {
    let catalog: ScriptedCatalog
    /// The ids it has analysed; `nil` for all.
    var knows: Set<String>? = nil
    var name: String { "Scripted analysis" }
    var fails = false

    func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures] {
        if fails { throw ScriptedCatalog.Unavailable() }
        var found: [String: TrackFeatures] = [:]
        for candidate in candidates where knows?.contains(candidate.id) ?? true {
            found[candidate.id] = catalog.features(candidate.id)
        }
        return found
    }
}

extension String {
    var replacingSpaces: String { replacingOccurrences(of: " ", with: "-") }
}
