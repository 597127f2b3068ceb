import Curation
import Foundation

/// A finished mix as the history keeps it: what was asked, the sound aimed for, where
/// it was saved, and its tracks in order.
struct StoredMix: Sendable, Equatable {
    /// A track of the mix, with the names it had then, so that the history reads well
    /// without asking Spotify again.
    struct Track: Sendable, Equatable {
        var id: String
        var uri: String
        var name: String
        var artistNames: [String]

        init(id: String, uri: String, name: String, artistNames: [String]) {
            self.id = id
            self.uri = uri
            self.name = name
            self.artistNames = artistNames
        }
    }

    /// The history's id; nil until recorded.
    var id: Int64?
    var prompt: String
    var createdAt: Date
    var target: FeatureTarget
    /// The playlist the mix was saved as, if it was.
    var playlistID: String?
    var playlistURL: URL?
    var tracks: [Track]

    init(
        id: Int64? = nil, prompt: String, createdAt: Date, target: FeatureTarget, playlistID: String? = nil,
        playlistURL: URL? = nil, tracks: [Track]
    ) {
        self.id = id
        self.prompt = prompt
        self.createdAt = createdAt
        self.target = target
        self.playlistID = playlistID
        self.playlistURL = playlistURL
        self.tracks = tracks
    }
}
