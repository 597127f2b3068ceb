/// A playlist. In 2026 its entries live under `items` (formerly `tracks`); both are read.
public struct Playlist: Codable, Hashable, Sendable, Identifiable {
    /// How many entries a playlist has, and where to fetch them.
    public struct Contents: Codable, Hashable, Sendable {
        public var href: String?
        public var total: Int

        public init(href: String? = nil, total: Int) {
            self.href = href
            self.total = total
        }
    }

    public struct Owner: Codable, Hashable, Sendable {
        public var id: String
        public var displayName: String?

        public init(id: String, displayName: String? = nil) {
            self.id = id
            self.displayName = displayName
        }
    }

    public var id: String
    public var name: String
    public var uri: String
    public var description: String?
    public var `public`: Bool?
    public var collaborative: Bool?
    public var owner: Owner
    public var snapshotId: String?
    public var externalUrls: [String: String]?
    public var items: Contents?

    public init(
        id: String, name: String, owner: Owner, description: String? = nil, isPublic: Bool? = nil,
        items: Contents? = Contents(total: 0), snapshotId: String? = nil
    ) {
        self.id = id
        self.name = name
        self.uri = "spotify:playlist:\(id)"
        self.description = description
        self.public = isPublic
        self.collaborative = false
        self.owner = owner
        self.snapshotId = snapshotId
        self.externalUrls = ["spotify": "https://open.spotify.com/playlist/\(id)"]
        self.items = items
    }

    /// The web address people open.
    public var url: String { externalUrls?["spotify"] ?? "https://open.spotify.com/playlist/\(id)" }

    private enum CodingKeys: String, CodingKey {
        case id, name, uri, description, `public`, collaborative, owner, snapshotId, externalUrls, items, tracks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        uri = try container.decodeIfPresent(String.self, forKey: .uri) ?? "spotify:playlist:\(id)"
        description = try container.decodeIfPresent(String.self, forKey: .description)
        `public` = try container.decodeIfPresent(Bool.self, forKey: .public)
        collaborative = try container.decodeIfPresent(Bool.self, forKey: .collaborative)
        owner = try container.decode(Owner.self, forKey: .owner)
        snapshotId = try container.decodeIfPresent(String.self, forKey: .snapshotId)
        externalUrls = try container.decodeIfPresent([String: String].self, forKey: .externalUrls)
        items =
            try container.decodeIfPresent(Contents.self, forKey: .items)
            ?? container.decodeIfPresent(Contents.self, forKey: .tracks)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(uri, forKey: .uri)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(`public`, forKey: .public)
        try container.encodeIfPresent(collaborative, forKey: .collaborative)
        try container.encode(owner, forKey: .owner)
        try container.encodeIfPresent(snapshotId, forKey: .snapshotId)
        try container.encodeIfPresent(externalUrls, forKey: .externalUrls)
        try container.encodeIfPresent(items, forKey: .items)
    }
}

/// One entry of a playlist. In 2026 the track is under `item` (formerly `track`); both are read.
public struct PlaylistItem: Codable, Hashable, Sendable {
    public var addedAt: String?
    public var item: Track?

    public init(addedAt: String? = nil, item: Track?) {
        self.addedAt = addedAt
        self.item = item
    }

    private enum CodingKeys: String, CodingKey {
        case addedAt, item, track
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        addedAt = try container.decodeIfPresent(String.self, forKey: .addedAt)
        item = try container.decodeIfPresent(Track.self, forKey: .item) ?? container.decodeIfPresent(Track.self, forKey: .track)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(addedAt, forKey: .addedAt)
        try container.encodeIfPresent(item, forKey: .item)
    }
}
