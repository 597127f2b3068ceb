/// A full artist. Since February 2026 `popularity`, `followers` and, in practice,
/// `genres` are missing for development-mode apps; readers must not rely on them.
public struct Artist: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var uri: String
    public var genres: [String]?
    public var popularity: Int?

    public init(id: String, name: String, genres: [String]? = nil, popularity: Int? = nil) {
        self.id = id
        self.name = name
        self.uri = "spotify:artist:\(id)"
        self.genres = genres
        self.popularity = popularity
    }

    public var simplified: SimplifiedArtist { SimplifiedArtist(id: id, name: name) }
}
