import Curation
import SpotifyModels

/// Measured features as the recommender keeps them, with their origin.
extension TrackFeatures {
    init(_ features: AudioFeatures, origin: FeatureOrigin) {
        self.init(
            valence: features.valence, energy: features.energy, danceability: features.danceability, tempo: features.tempo,
            acousticness: features.acousticness, instrumentalness: features.instrumentalness, origin: origin)
    }
}
