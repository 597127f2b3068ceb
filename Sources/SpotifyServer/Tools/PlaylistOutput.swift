import ServerKit
import SpotifyAPI
import SpotifyModels

/// A playlist a tool made or filled: where it is, and exactly which tracks went in, so a
/// retry can finish the job without adding any twice. A result that stopped early is an
/// error result that still carries what was done.
struct PlaylistOutput: ToolOutput, Codable, Equatable {
    let playlistID: String
    let url: String
    let added: [String]
    let addedCount: Int
    let remaining: [String]
    let uncertain: [String]
    let error: String?

    init(playlist: Playlist, append: SpotifyClient.PlaylistAppend?) {
        playlistID = playlist.id
        url = playlist.url
        added = (append?.added ?? []).map(TrackReference.id(fromURI:))
        addedCount = append?.added.count ?? 0
        remaining = (append?.remaining ?? []).map(TrackReference.id(fromURI:))
        uncertain = (append?.uncertain ?? []).map(TrackReference.id(fromURI:))
        error = append?.failure?.errorDescription
    }

    private enum CodingKeys: String, CodingKey {
        case playlistID = "playlist_id"
        case url, added, remaining, uncertain, error
        case addedCount = "added_count"
    }

    var isFailure: Bool { error != nil }

    static var outputSchema: JSONSchema { schema }

    static let schema = JSONSchema.object([
        "playlist_id": .string(),
        "url": .string("The playlist on open.spotify.com"),
        "added": .array(of: .string(), "Track ids now in the playlist, in order"),
        "added_count": .integer(),
        "remaining": .array(of: .string(), "Track ids not added: pass them to add_to_playlist to finish"),
        "uncertain": .array(of: .string(), "Track ids whose adding Spotify did not confirm: check the playlist before retrying them"),
        "error": .string("Why adding stopped early").optional,
    ])
}
