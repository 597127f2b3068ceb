import ServerKit
import SpotifyModels

/// A track as the tools list it: what a person reads and what other tools take back.
struct TrackSummary: Codable, Sendable, Equatable {
    let id: String
    let name: String
    let artists: [String]
    let uri: String
    let previewURL: String?

    init(_ track: Track) {
        id = track.id
        name = track.name
        artists = track.artists.map(\.name)
        uri = track.uri
        previewURL = track.previewUrl
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, artists, uri
        case previewURL = "preview_url"
    }

    static let schema = JSONSchema.object([
        "id": .string("Spotify track id"),
        "name": .string(),
        "artists": .array(of: .string()),
        "uri": .string("spotify:track:…"),
        "preview_url": .string("A 30-second preview, where Spotify still gives one").optional,
    ])
}
