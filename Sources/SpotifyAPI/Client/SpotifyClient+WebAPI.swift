import Foundation
import NIOHTTP1
import SpotifyModels

/// The Web API calls Setlist makes, one method each, with Spotify's 2026 limits.
extension SpotifyClient {
    /// The most Spotify returns per page: search 10 since 2026, history 50.
    public static let searchPageLimit = 10
    public static let historyPageLimit = 50
    /// The deepest offset search accepts.
    public static let searchOffsetLimit = 1000
    public static let playlistAddLimit = 100
    public static let libraryCallLimit = 40

    public func me() async throws -> CurrentUser {
        try await fetch("me")
    }

    public func search(_ query: String, types: [String] = ["track"], market: String? = nil, limit: Int = 10, offset: Int = 0)
        async throws -> SearchResults
    {
        var parameters = ["q": query, "type": types.joined(separator: ","), "limit": "\(min(limit, Self.searchPageLimit))", "offset": "\(offset)"]
        if let market { parameters["market"] = market }
        return try await fetch("search", query: parameters)
    }

    public func topTracks(_ range: TimeRange = .mediumTerm, limit: Int = 50, offset: Int = 0) async throws -> Paging<Track> {
        try await fetch("me/top/tracks", query: ["time_range": range.rawValue, "limit": "\(limit)", "offset": "\(offset)"])
    }

    public func topArtists(_ range: TimeRange = .mediumTerm, limit: Int = 50, offset: Int = 0) async throws -> Paging<Artist> {
        try await fetch("me/top/artists", query: ["time_range": range.rawValue, "limit": "\(limit)", "offset": "\(offset)"])
    }

    public func recentlyPlayed(limit: Int = 50) async throws -> CursorPaging<PlayHistory> {
        try await fetch("me/player/recently-played", query: ["limit": "\(limit)"])
    }

    public func savedTracks(limit: Int = 50, offset: Int = 0) async throws -> Paging<SavedTrack> {
        try await fetch("me/tracks", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    /// One track by id (the batch lookup is gone since 2026).
    public func track(_ id: String) async throws -> Track {
        try await fetch("tracks/\(id)")
    }

    public func artist(_ id: String) async throws -> Artist {
        try await fetch("artists/\(id)")
    }

    public func artistAlbums(_ id: String, limit: Int = 10, offset: Int = 0) async throws -> Paging<SimplifiedAlbum> {
        try await fetch("artists/\(id)/albums", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    public func albumTracks(_ id: String, limit: Int = 50, offset: Int = 0) async throws -> Paging<Track> {
        try await fetch("albums/\(id)/tracks", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    // MARK: - Playlists

    struct NewPlaylist: Encodable {
        let name: String
        let `public`: Bool
        let description: String?
    }

    struct NewItems: Encodable {
        let uris: [String]
        let position: Int?
    }

    struct Snapshot: Decodable {
        let snapshotId: String
    }

    /// `POST /me/playlists` (the per-user endpoint is gone since 2026).
    public func createPlaylist(name: String, isPublic: Bool, description: String? = nil) async throws -> Playlist {
        guard let playlist = try await send(.POST, "me/playlists", body: NewPlaylist(name: name, public: isPublic, description: description), as: Playlist.self)
        else { throw SpotifyError.invalidResponse("creating a playlist answered with no playlist") }
        return playlist
    }

    /// Adds up to 100 track URIs in one call; ``appendToPlaylist(_:uris:count:)`` adds any number, once each.
    @discardableResult
    public func addToPlaylist(_ id: String, uris: [String], position: Int? = nil) async throws -> String {
        guard let snapshot = try await send(.POST, "playlists/\(id)/items", body: NewItems(uris: uris, position: position), as: Snapshot.self)
        else { throw SpotifyError.invalidResponse("adding to a playlist answered with no snapshot") }
        return snapshot.snapshotId
    }

    public func playlist(_ id: String) async throws -> Playlist {
        try await fetch("playlists/\(id)")
    }

    public func playlistItems(_ id: String, limit: Int = 100, offset: Int = 0) async throws -> Paging<PlaylistItem> {
        try await fetch("playlists/\(id)/items", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    // MARK: - Library (`/me/library`, by URI)

    public func saveToLibrary(_ uris: [String]) async throws {
        for chunk in uris.chunked(Self.libraryCallLimit) {
            _ = try await send(.PUT, "me/library", query: ["uris": chunk.joined(separator: ",")], as: Empty.self)
        }
    }

    public func removeFromLibrary(_ uris: [String]) async throws {
        for chunk in uris.chunked(Self.libraryCallLimit) {
            _ = try await send(.DELETE, "me/library", query: ["uris": chunk.joined(separator: ",")], as: Empty.self)
        }
    }

    public func libraryContains(_ uris: [String]) async throws -> [Bool] {
        var answers: [Bool] = []
        for chunk in uris.chunked(Self.libraryCallLimit) {
            answers += try await fetch("me/library/contains", query: ["uris": chunk.joined(separator: ",")], as: [Bool].self)
        }
        return answers
    }

    // MARK: - Player

    struct Transfer: Encodable {
        let deviceIds: [String]
        let play: Bool
    }

    struct Play: Encodable {
        let uris: [String]?
        let contextUri: String?
    }

    /// What plays where; `nil` when nothing is active (Spotify answers 204).
    public func playbackState() async throws -> PlaybackState? {
        try await send(.GET, "me/player", as: PlaybackState.self)
    }

    public func devices() async throws -> [Device] {
        try await fetch("me/player/devices", as: DeviceList.self).devices
    }

    public func transferPlayback(to deviceID: String, play: Bool = false) async throws {
        _ = try await send(.PUT, "me/player", body: Transfer(deviceIds: [deviceID], play: play), as: Empty.self)
    }

    /// Plays tracks, or a playlist or album (`contextURI`), on a device or the active one.
    /// Spotify may answer 204 and still not play: read ``playbackState()`` back.
    public func play(uris: [String]? = nil, contextURI: String? = nil, on deviceID: String? = nil) async throws {
        _ = try await send(
            .PUT, "me/player/play", query: deviceID.map { ["device_id": $0] } ?? [:], body: Play(uris: uris, contextUri: contextURI),
            as: Empty.self)
    }
}

extension Array {
    /// The elements in runs of at most `size`, in order.
    public func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
