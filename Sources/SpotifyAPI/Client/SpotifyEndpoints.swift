import Foundation

/// Where the client sends its requests: Spotify's services, or a sandbox standing in for them.
public struct SpotifyEndpoints: Sendable, Equatable {
    /// The Web API, such as `https://api.spotify.com/v1`.
    public var api: URL
    /// The accounts service, such as `https://accounts.spotify.com`.
    public var accounts: URL
    /// ReccoBeats, the keyless audio-features service, such as `https://api.reccobeats.com/v1`.
    public var reccoBeats: URL

    public init(api: URL, accounts: URL, reccoBeats: URL) {
        self.api = api
        self.accounts = accounts
        self.reccoBeats = reccoBeats
    }

    public static let spotify = SpotifyEndpoints(
        api: URL(string: "https://api.spotify.com/v1")!, accounts: URL(string: "https://accounts.spotify.com")!,
        reccoBeats: URL(string: "https://api.reccobeats.com/v1")!)

    /// A `setlist sandbox` at `base`, which serves all three.
    public static func sandbox(_ base: URL) -> SpotifyEndpoints {
        SpotifyEndpoints(
            api: base.appendingPathComponent("v1"), accounts: base, reccoBeats: base.appendingPathComponent("reccobeats/v1"))
    }
}
