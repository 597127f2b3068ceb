import Curation
import SpotifyAPI
import SpotifyModels

/// Spotify's own audio features, which only apps made before late 2024 still have.
struct SpotifyFeatureSource: FeatureSource {
    let client: SpotifyClient

    init(client: SpotifyClient) {
        self.client = client
    }
    var name: String { "Spotify's audio features" }

    /// The features Spotify has; none for an app made since late 2024, which Spotify
    /// refuses, as is expected (ReccoBeats answers next).
    func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures] {
        do {
            return try await client.spotifyAudioFeatures(candidates.map(\.id)).mapValues { TrackFeatures($0, origin: .spotify) }
        } catch SpotifyError.forbidden {
            return [:]
        }
    }
}
