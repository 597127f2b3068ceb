/// A device Spotify can play on.
public struct Device: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String
    public var type: String
    public var isActive: Bool
    public var isRestricted: Bool
    public var volumePercent: Int?

    public init(id: String?, name: String, type: String, isActive: Bool, isRestricted: Bool = false, volumePercent: Int? = 50) {
        self.id = id
        self.name = name
        self.type = type
        self.isActive = isActive
        self.isRestricted = isRestricted
        self.volumePercent = volumePercent
    }
}

/// `GET /me/player/devices`.
public struct DeviceList: Codable, Hashable, Sendable {
    public var devices: [Device]

    public init(devices: [Device]) {
        self.devices = devices
    }
}

/// `GET /me/player`: what plays where (the endpoint answers 204 when nothing is active).
public struct PlaybackState: Codable, Hashable, Sendable {
    public var device: Device
    public var isPlaying: Bool
    public var progressMs: Int?
    public var item: Track?
    /// What the playing track belongs to (a playlist, an album), when anything.
    public var context: PlaybackContext?

    public init(device: Device, isPlaying: Bool, progressMs: Int? = nil, item: Track? = nil, context: PlaybackContext? = nil) {
        self.device = device
        self.isPlaying = isPlaying
        self.progressMs = progressMs
        self.item = item
        self.context = context
    }
}

/// The playlist or album a playback runs through.
public struct PlaybackContext: Codable, Hashable, Sendable {
    public var uri: String
    public var type: String?

    public init(uri: String, type: String? = nil) {
        self.uri = uri
        self.type = type
    }
}
