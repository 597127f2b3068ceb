import Curation
import SpotifyAPI
import SpotifyModels

/// ReccoBeats' recommendations as a ``TrackRecommender``. It names tracks by Spotify
/// link and artists by name only, which is enough to pick and to list them.
public struct ReccoBeatsRecommender: TrackRecommender {
    public let client: SpotifyClient

    public init(client: SpotifyClient) {
        self.client = client
    }

    public func recommendations(seedIDs: [String], target: FeatureTarget, limit: Int) async throws -> [Track] {
        try await client.reccoBeatsRecommendations(seeds: seedIDs, size: limit, targets: target.parameters).map { pick in
            Track(id: pick.spotifyID, name: pick.title, durationMs: pick.durationMs, artists: pick.artists.map { SimplifiedArtist(id: "", name: $0) })
        }
    }
}
