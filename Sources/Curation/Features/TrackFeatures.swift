/// How a track sounds, on Spotify's scales, and where the values came from: the
/// recommender trusts a measurement more than an estimate, and explanations say which
/// values were only estimated.
public struct TrackFeatures: Sendable, Equatable, Codable {
    public var valence: Double
    public var energy: Double
    public var danceability: Double
    public var tempo: Double?
    public var acousticness: Double?
    public var instrumentalness: Double?
    public var origin: FeatureOrigin

    public init(
        valence: Double, energy: Double, danceability: Double, tempo: Double? = nil, acousticness: Double? = nil,
        instrumentalness: Double? = nil, origin: FeatureOrigin
    ) {
        self.valence = valence
        self.energy = energy
        self.danceability = danceability
        self.tempo = tempo
        self.acousticness = acousticness
        self.instrumentalness = instrumentalness
        self.origin = origin
    }
}

/// Where a track's features came from.
public enum FeatureOrigin: Hashable, Sendable, Codable {
    /// Spotify's audio-features endpoint (apps that still have it).
    case spotify
    /// ReccoBeats' analysis of the track.
    case reccoBeats
    /// Estimated from the genre the track is known by.
    case genrePrior(String)
    /// Estimated from the words of the search that found it.
    case tagPrior([String])
    /// Nothing was known: the middle of every scale.
    case unknown

    /// Whether the values were measured from the audio rather than estimated.
    public var isMeasured: Bool {
        switch self {
        case .spotify, .reccoBeats: true
        case .genrePrior, .tagPrior, .unknown: false
        }
    }

    /// How far the values can be trusted for one track, 0...1: a measurement fully, a
    /// genre's usual sound somewhat, a search word's hint little, nothing not at all.
    public var confidence: Double {
        switch self {
        case .spotify, .reccoBeats: 1
        case .genrePrior: 0.6
        case .tagPrior: 0.3
        case .unknown: 0
        }
    }

    /// A phrase for explanations.
    public var summary: String {
        switch self {
        case .spotify: "Spotify's audio analysis"
        case .reccoBeats: "ReccoBeats' audio analysis"
        case .genrePrior(let genre): "estimated from its genre (\(genre))"
        case .tagPrior(let tags): "estimated from the search words (\(tags.joined(separator: ", ")))"
        case .unknown: "unknown (no analysis and no genre; assumed middling)"
        }
    }
}

/// The sound a mix aims for: a point on Spotify's scales, from a mood and any values
/// the caller fixed.
public struct FeatureTarget: Sendable, Equatable, Codable {
    public var valence: Double
    public var energy: Double
    public var danceability: Double
    public var tempo: Double?
    public var acousticness: Double?
    public var instrumentalness: Double?

    public init(
        valence: Double, energy: Double, danceability: Double, tempo: Double? = nil, acousticness: Double? = nil,
        instrumentalness: Double? = nil
    ) {
        self.valence = valence
        self.energy = energy
        self.danceability = danceability
        self.tempo = tempo
        self.acousticness = acousticness
        self.instrumentalness = instrumentalness
    }

    public init(_ mood: Mood) {
        self.init(
            valence: mood.valence, energy: mood.energy, danceability: mood.danceability, tempo: mood.tempo,
            acousticness: mood.acousticness, instrumentalness: mood.instrumentalness)
    }

    /// The targets as ReccoBeats and Spotify take them (`energy=0.8`).
    public var parameters: [String: Double] {
        var values = ["valence": valence, "energy": energy, "danceability": danceability]
        if let tempo { values["tempo"] = tempo }
        if let acousticness { values["acousticness"] = acousticness }
        if let instrumentalness { values["instrumentalness"] = instrumentalness }
        return values
    }
}
