import Curation
import SpotifyAPI
import SpotifyModels

/// The listener's Spotify (or the sandbox) as the recommender's ``MusicCatalog``: one
/// Web API call a question, pages as large as Spotify allows.
public struct SpotifyCatalog: MusicCatalog {
    public let client: SpotifyClient

    public init(client: SpotifyClient) {
        self.client = client
    }

    public func topTracks(_ range: TimeRange, limit: Int) async throws -> [Track] {
        try await client.topTracks(range, limit: min(limit, SpotifyClient.historyPageLimit)).items
    }

    public func topArtistIDs(limit: Int) async throws -> [String] {
        try await client.topArtists(.shortTerm, limit: min(limit, SpotifyClient.historyPageLimit)).items.map(\.id)
    }

    public func tracks(byArtist artistID: String, limit: Int) async throws -> [Track] {
        guard let album = try await client.artistAlbums(artistID, limit: 1).items.first else { return [] }
        return try await client.albumTracks(album.id, limit: min(limit, 50)).items.map { track in
            var track = track
            track.album = track.album ?? album
            return track
        }
    }

    public func recentlyPlayed(limit: Int) async throws -> [Track] {
        try await client.recentlyPlayed(limit: min(limit, SpotifyClient.historyPageLimit)).items.map(\.track)
    }

    public func savedTracks(limit: Int) async throws -> [Track] {
        try await client.savedTracks(limit: min(limit, SpotifyClient.historyPageLimit)).items.map(\.track)
    }

    public func searchTracks(_ query: String, limit: Int, offset: Int) async throws -> [Track] {
        try await client.search(query, limit: min(limit, SpotifyClient.searchPageLimit), offset: offset).tracks?.items ?? []
    }

    public func tracks(ids: [String]) async throws -> [Track] {
        try await client.concurrentMap(ids) { id in
            do {
                return try await client.track(id)
            } catch SpotifyError.notFound {
                return nil
            }
        }.compactMap { $0 }
    }
}
