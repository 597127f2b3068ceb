/// How a track sounds, on Spotify's scales: most values 0...1, `tempo` in BPM,
/// `loudness` in dB (about -60...0).
///
/// Spotify's own endpoint is gone for new apps; the same shape comes from
/// ReccoBeats, from a legacy app's `GET /audio-features`, or from genre priors.
public struct AudioFeatures: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var danceability: Double
    public var energy: Double
    public var valence: Double
    public var tempo: Double
    public var acousticness: Double
    public var instrumentalness: Double
    public var liveness: Double
    public var loudness: Double
    public var speechiness: Double

    public init(
        id: String, danceability: Double, energy: Double, valence: Double, tempo: Double, acousticness: Double,
        instrumentalness: Double, liveness: Double, loudness: Double, speechiness: Double
    ) {
        self.id = id
        self.danceability = danceability
        self.energy = energy
        self.valence = valence
        self.tempo = tempo
        self.acousticness = acousticness
        self.instrumentalness = instrumentalness
        self.liveness = liveness
        self.loudness = loudness
        self.speechiness = speechiness
    }
}

/// `GET /audio-features?ids=` (legacy apps): `{audio_features: [AudioFeatures?]}`.
public struct AudioFeaturesList: Codable, Sendable {
    public var audioFeatures: [AudioFeatures?]

    public init(audioFeatures: [AudioFeatures?]) {
        self.audioFeatures = audioFeatures
    }
}
