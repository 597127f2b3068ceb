import Curation
import SpotifyAPI
import SpotifyModels

/// ReccoBeats' analysis as a ``FeatureSource``: 40 ids a call, answers matched back by
/// their Spotify link, tracks it lacks left out.
public struct ReccoBeatsFeatureSource: FeatureSource {
    public let client: SpotifyClient

    public init(client: SpotifyClient) {
        self.client = client
    }
    public var name: String { "ReccoBeats" }

    public func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures] {
        try await client.reccoBeatsFeatures(candidates.map(\.id)).mapValues { TrackFeatures($0, origin: .reccoBeats) }
    }
}
