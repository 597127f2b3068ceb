import SpotifyModels

/// Where candidates come from: the listener's Spotify (or the sandbox standing in for
/// it), or a scripted catalog in tests. Every call may fail; the recommender goes on
/// with what the others found and says what was missing.
public protocol MusicCatalog: Sendable {
    /// The listener's most played tracks over `range`, at most `limit` (one page of 50).
    func topTracks(_ range: TimeRange, limit: Int) async throws -> [Track]
    /// The listener's most played artists' ids, most played first.
    func topArtistIDs(limit: Int) async throws -> [String]
    /// Some tracks of an artist: those of their latest album.
    func tracks(byArtist artistID: String, limit: Int) async throws -> [Track]
    func recentlyPlayed(limit: Int) async throws -> [Track]
    func savedTracks(limit: Int) async throws -> [Track]
    /// One page of a track search (10 at most since 2026).
    func searchTracks(_ query: String, limit: Int, offset: Int) async throws -> [Track]
    /// Tracks by id, for seeds; unknown ids are left out.
    func tracks(ids: [String]) async throws -> [Track]
}

/// Tracks like some seeds, moved toward target features: ReccoBeats today, Spotify's
/// own endpoint for a legacy app.
public protocol TrackRecommender: Sendable {
    func recommendations(seedIDs: [String], target: FeatureTarget, limit: Int) async throws -> [Track]
}

/// What the listener's earlier mixes hold, so that a new one brings something new.
public protocol MixMemory: Sendable {
    /// Track ids that went into recent mixes.
    func recentlyMixedTrackIDs() async throws -> Set<String>
}
