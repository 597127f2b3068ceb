import Foundation

/// A track in the user's library, with when it was saved.
public struct SavedTrack: Codable, Hashable, Sendable {
    public var addedAt: String
    public var track: Track

    public init(addedAt: String, track: Track) {
        self.addedAt = addedAt
        self.track = track
    }
}

/// A track the user played, with when.
public struct PlayHistory: Codable, Hashable, Sendable {
    public var track: Track
    public var playedAt: String

    public init(track: Track, playedAt: String) {
        self.track = track
        self.playedAt = playedAt
    }
}

/// `GET /search`'s answer: one page per type asked for.
public struct SearchResults: Codable, Sendable {
    public var tracks: Paging<Track>?
    public var artists: Paging<Artist>?

    public init(tracks: Paging<Track>? = nil, artists: Paging<Artist>? = nil) {
        self.tracks = tracks
        self.artists = artists
    }
}
