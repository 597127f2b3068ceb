/// What `setlist mix` was asked for.
public struct MixOrder: Sendable, Equatable {
    public enum Destination: String, Sendable, CaseIterable {
        /// A playlist in the listener's Spotify.
        case spotify
        /// Files in a folder: an M3U playlist, JSON, a README and a picture.
        case files
    }

    public var prompt: String
    public var limit: Int
    public var name: String?
    public var destination: Destination?
    public var isPublic: Bool
    public var play: Bool

    public init(prompt: String, limit: Int = 25, name: String? = nil, destination: Destination? = nil, isPublic: Bool = false, play: Bool = false) {
        self.prompt = prompt
        self.limit = limit
        self.name = name
        self.destination = destination
        self.isPublic = isPublic
        self.play = play
    }
}
