import SpotifyModels

/// Picks the best-scored tracks with variety: no song twice (the same ISRC, or the
/// same title by the same artist under another id), and at most two tracks of an
/// artist for every twenty in the mix, never two of theirs in a row where another
/// order allows.
struct Selection: Sendable {
    static let perArtistInTwenty = 2

    struct Scored: Sendable {
        var candidate: Candidate
        var features: TrackFeatures
        var score: Scoring.Score
    }

    static func pick(_ scored: [Scored], count: Int, excluding excluded: Set<String> = []) -> [Scored] {
        let ranked = scored.sorted { ($0.score.total, $1.candidate.id) > ($1.score.total, $0.candidate.id) }
        let perArtist = perArtistInTwenty * max(1, (count + 19) / 20)
        var picked: [Scored] = []
        var songs: Set<String> = []
        var byArtist: [String: Int] = [:]
        for item in ranked where picked.count < count && !excluded.contains(item.candidate.id) {
            let track = item.candidate.track
            let keys = songKeys(track)
            guard keys.isDisjoint(with: songs) else { continue }
            let artist = artistKey(track)
            guard byArtist[artist, default: 0] < perArtist else { continue }
            picked.append(item)
            songs.formUnion(keys)
            byArtist[artist, default: 0] += 1
        }
        return spreadArtists(picked)
    }

    /// The keys under which two entries are the same song.
    static func songKeys(_ track: Track) -> Set<String> {
        var keys: Set<String> = ["id:\(track.id)", "song:\(normalized(track.name))|\(artistKey(track))"]
        if let isrc = track.externalIds?.isrc, !isrc.isEmpty { keys.insert("isrc:\(isrc.uppercased())") }
        return keys
    }

    /// The first artist by name: recommendations name artists without ids.
    static func artistKey(_ track: Track) -> String {
        guard let artist = track.artists.first else { return "?" }
        return normalized(artist.name)
    }

    /// A title as people read it: lowercase, no accents, no "(feat. …)" or " - Remastered".
    static func normalized(_ title: String) -> String {
        var text = title.lowercased()
        for marker in [" (", " - ", " [", " feat. ", " ft. "] {
            if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        }
        return TextNormalizer.words(of: text).joined(separator: " ")
    }

    /// Keeps an artist's tracks apart: no artist twice in a row where another order allows.
    static func spreadArtists(_ picked: [Scored]) -> [Scored] {
        var remaining = picked
        var ordered: [Scored] = []
        while !remaining.isEmpty {
            let last = ordered.last.map { artistKey($0.candidate.track) }
            let index = remaining.firstIndex { artistKey($0.candidate.track) != last } ?? 0
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }
}
