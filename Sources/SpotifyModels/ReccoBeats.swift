/// ReccoBeats' answers (`https://api.reccobeats.com/v1`): lists under `content`,
/// each item naming its Spotify track by `href`, not by id.
public struct ReccoBeatsContent<Item: Codable & Sendable>: Codable, Sendable {
    public var content: [Item]

    public init(content: [Item]) {
        self.content = content
    }
}

/// `GET /audio-features?ids=`: ReccoBeats' own id, the Spotify link, and the features.
public struct ReccoBeatsFeatures: Codable, Hashable, Sendable {
    public var id: String
    public var href: String
    public var danceability, energy, valence, tempo, acousticness, instrumentalness, liveness, loudness, speechiness: Double

    public init(id: String, href: String, features f: AudioFeatures) {
        self.id = id
        self.href = href
        danceability = f.danceability
        energy = f.energy
        valence = f.valence
        tempo = f.tempo
        acousticness = f.acousticness
        instrumentalness = f.instrumentalness
        liveness = f.liveness
        loudness = f.loudness
        speechiness = f.speechiness
    }

    /// The features under the Spotify id `spotifyID`.
    public func features(spotifyID: String) -> AudioFeatures {
        AudioFeatures(
            id: spotifyID, danceability: danceability, energy: energy, valence: valence, tempo: tempo, acousticness: acousticness,
            instrumentalness: instrumentalness, liveness: liveness, loudness: loudness, speechiness: speechiness)
    }
}

/// `GET /track/recommendation`: a recommended track.
public struct ReccoBeatsTrack: Codable, Hashable, Sendable {
    public struct Artist: Codable, Hashable, Sendable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    public var id: String
    public var trackTitle: String
    public var artists: [Artist]
    public var durationMs: Int
    public var href: String

    public init(id: String, trackTitle: String, artists: [Artist], durationMs: Int, href: String) {
        self.id = id
        self.trackTitle = trackTitle
        self.artists = artists
        self.durationMs = durationMs
        self.href = href
    }
}

/// Spotify's `GET /recommendations` (legacy apps): `{tracks: [...]}`.
public struct RecommendationsResponse: Codable, Sendable {
    public var tracks: [Track]

    public init(tracks: [Track]) {
        self.tracks = tracks
    }
}
