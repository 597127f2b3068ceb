/// A track as Spotify's Web API returns it in 2026: `popularity`, `available_markets`
/// and `preview_url` may be missing, `external_ids` (the ISRC) is back since March 2026.
public struct Track: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var uri: String
    public var durationMs: Int
    public var explicit: Bool?
    public var popularity: Int?
    public var previewUrl: String?
    public var artists: [SimplifiedArtist]
    public var album: SimplifiedAlbum?
    public var externalIds: ExternalIDs?

    public init(
        id: String, name: String, durationMs: Int, artists: [SimplifiedArtist], album: SimplifiedAlbum? = nil,
        explicit: Bool? = false, popularity: Int? = nil, previewUrl: String? = nil, externalIds: ExternalIDs? = nil
    ) {
        self.id = id
        self.name = name
        self.uri = "spotify:track:\(id)"
        self.durationMs = durationMs
        self.explicit = explicit
        self.popularity = popularity
        self.previewUrl = previewUrl
        self.artists = artists
        self.album = album
        self.externalIds = externalIds
    }
}

/// An artist as it appears inside a track or album.
public struct SimplifiedArtist: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var uri: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
        self.uri = "spotify:artist:\(id)"
    }
}

/// An album as it appears inside a track.
public struct SimplifiedAlbum: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var uri: String
    public var releaseDate: String?
    public var artists: [SimplifiedArtist]?
    public var externalIds: ExternalIDs?

    public init(id: String, name: String, releaseDate: String? = nil, artists: [SimplifiedArtist]? = nil) {
        self.id = id
        self.name = name
        self.uri = "spotify:album:\(id)"
        self.releaseDate = releaseDate
        self.artists = artists
    }
}

/// Identifiers outside Spotify: the ISRC of a recording, the UPC of an album.
public struct ExternalIDs: Codable, Hashable, Sendable {
    public var isrc: String?
    public var upc: String?

    public init(isrc: String? = nil, upc: String? = nil) {
        self.isrc = isrc
        self.upc = upc
    }
}
