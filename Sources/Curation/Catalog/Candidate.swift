import SpotifyModels

/// A track that could go into a mix, with where it was found and what its finders
/// knew of it (genres, search words), which is all the recommender may go on when no
/// service knows how it sounds.
public struct Candidate: Sendable, Equatable, Identifiable {
    public var track: Track
    /// Every way the track turned up; a track the listener plays often turns up more.
    public var origins: Set<CandidateOrigin>
    /// Genres known for it: its artist's when Spotify gives them, else the genre a search
    /// for it was made with.
    public var genres: [String]
    /// Mood words of the searches that found it ("rainy", "chill").
    public var tags: [String]

    public var id: String { track.id }

    public init(track: Track, origins: Set<CandidateOrigin>, genres: [String] = [], tags: [String] = []) {
        self.track = track
        self.origins = origins
        self.genres = genres
        self.tags = tags
    }

    /// Joins what two finders knew of the same track.
    mutating func merge(_ other: Candidate) {
        origins.formUnion(other.origins)
        genres += other.genres.filter { !genres.contains($0) }
        tags += other.tags.filter { !tags.contains($0) }
    }

    /// Whether the listener knows this track: from their history rather than a search.
    public var isFamiliar: Bool {
        origins.contains { $0.isHistory }
    }
}

/// Where a candidate came from.
public enum CandidateOrigin: Hashable, Sendable, Codable {
    case topTracks(TimeRange)
    case topArtist
    case recentlyPlayed
    case saved
    case search(String)
    case recommendation
    case seed

    var isHistory: Bool {
        switch self {
        case .topTracks, .topArtist, .recentlyPlayed, .saved, .seed: true
        case .search, .recommendation: false
        }
    }

    /// A short phrase for explanations.
    public var summary: String {
        switch self {
        case .topTracks(let range): "one of your top tracks (\(range.summary))"
        case .topArtist: "by one of your top artists"
        case .recentlyPlayed: "played recently"
        case .saved: "in your saved tracks"
        case .search(let query): "found searching \"\(query)\""
        case .recommendation: "recommended from your tracks"
        case .seed: "a seed you gave"
        }
    }
}

extension TimeRange {
    var summary: String {
        switch self {
        case .shortTerm: "last four weeks"
        case .mediumTerm: "last six months"
        case .longTerm: "all time"
        }
    }
}
