import Foundation
import SpotifyModels

/// Playlists and the library: the Web API calls that change something.
extension SandboxState {
    struct PlaylistRequest: Decodable {
        let name: String?
        let `public`: Bool?
        let description: String?
    }

    struct ItemsRequest: Decodable {
        let uris: [String]?
        let position: Int?
    }

    struct Snapshot: Encodable {
        let snapshotId: String
    }

    /// `POST /me/playlists` (and, for legacy apps, `POST /users/{id}/playlists`).
    func createPlaylist(_ grant: Grant, body: Data?, forUser pathUser: String? = nil) throws(SandboxFailure) -> SandboxResponse {
        if pathUser != nil { try requireLegacy() }
        let user = try user(for: grant)
        if let pathUser, pathUser != user.profile.id {
            throw SandboxFailure(.error(403, "You cannot create a playlist for another user."))
        }
        let request = try decode(PlaylistRequest.self, from: body)
        let isPublic = request.public ?? true
        try require(isPublic ? "playlist-modify-public" : "playlist-modify-private", in: grant)
        guard let name = request.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SandboxFailure(.error(400, "Missing required field: name"))
        }
        let id = random.spotifyID()
        let playlist = Playlist(
            id: id, name: name, owner: .init(id: user.profile.id, displayName: user.profile.displayName),
            description: request.description, isPublic: isPublic, items: .init(href: "/v1/playlists/\(id)/items", total: 0),
            snapshotId: "snapshot-0")
        playlists[id] = StoredPlaylist(playlist: playlist, trackIDs: [], addedAt: [], snapshot: 0)
        playlistOrder.append(id)
        return .json(playlist, status: 201)
    }

    /// `GET /me/playlists`: the user's own playlists, newest first; private ones only
    /// with `playlist-read-private`.
    func myPlaylists(_ grant: Grant, query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        let limit = try query.limit(default: 20, maximum: 50)
        let offset = try query.offset()
        let readsPrivate = grant.scopes.contains("playlist-read-private")
        let mine = playlistOrder.reversed().compactMap { playlists[$0]?.playlist }
            .filter { $0.owner.id == user.profile.id && (readsPrivate || $0.public == true) }
        return .json(page(mine, limit: limit, offset: offset, href: "/v1/me/playlists"))
    }

    /// `POST /playlists/{id}/items`: up to 100 track URIs, in order, optionally at a position.
    func addItems(_ grant: Grant, playlistID: String, body: Data?, query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        guard var stored = playlists[playlistID] else { throw SandboxFailure(.error(404, "Resource not found")) }
        guard stored.playlist.owner.id == user.profile.id else {
            throw SandboxFailure(.error(403, "You cannot add tracks to a playlist you don't own."))
        }
        let request = try decode(ItemsRequest.self, from: body)
        let uris = request.uris ?? (query.values["uris"]?.split(separator: ",").map(String.init) ?? [])
        guard !uris.isEmpty else { throw SandboxFailure(.error(400, "No uris given")) }
        guard uris.count <= 100 else { throw SandboxFailure(.error(400, "You can add a maximum of 100 tracks per request.")) }
        var ids: [String] = []
        for uri in uris {
            guard uri.hasPrefix("spotify:track:"), catalog.entry(id: String(uri.dropFirst(14))) != nil else {
                throw SandboxFailure(.error(400, "Invalid track uri: \(uri)"))
            }
            ids.append(String(uri.dropFirst(14)))
        }
        let position = min(max(0, request.position ?? stored.trackIDs.count), stored.trackIDs.count)
        let now = Date().formatted(Date.ISO8601FormatStyle())
        stored.trackIDs.insert(contentsOf: ids, at: position)
        stored.addedAt.insert(contentsOf: Array(repeating: now, count: ids.count), at: position)
        stored.snapshot += 1
        stored.playlist.snapshotId = "snapshot-\(stored.snapshot)"
        stored.playlist.items?.total = stored.trackIDs.count
        playlists[playlistID] = stored
        return .json(Snapshot(snapshotId: "snapshot-\(stored.snapshot)"), status: 201)
    }

    /// `GET /playlists/{id}/items`: only for playlists the user owns.
    func items(_ grant: Grant, playlistID: String, query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        guard let stored = playlists[playlistID] else { throw SandboxFailure(.error(404, "Resource not found")) }
        guard stored.playlist.owner.id == user.profile.id || options.mode == .legacy else {
            throw SandboxFailure(.error(403, "Forbidden"))
        }
        let limit = try query.limit(default: 100, maximum: 100)
        let offset = try query.offset()
        let entries = zip(stored.trackIDs, stored.addedAt).map { id, added in
            PlaylistItem(addedAt: added, item: catalog.entry(id: id).map { view($0.track) })
        }
        return .json(page(entries, limit: limit, offset: offset, href: "/v1/playlists/\(playlistID)/items"))
    }

    func playlist(_ grant: Grant, id: String) throws(SandboxFailure) -> SandboxResponse {
        _ = try user(for: grant)
        guard let stored = playlists[id] else { throw SandboxFailure(.error(404, "Resource not found")) }
        return .json(stored.playlist)
    }

    // MARK: - Library (`/me/library`, keyed by URI, 40 a call)

    func changeLibrary(_ grant: Grant, query: QueryReader, save: Bool) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        let uris = try query.ids("uris", maximum: 40)
        var library = libraryURIs[user.profile.id] ?? []
        if save {
            library.append(contentsOf: uris.filter { !library.contains($0) })
        } else {
            library.removeAll { uris.contains($0) }
        }
        libraryURIs[user.profile.id] = library
        return SandboxResponse(status: 200)
    }

    func libraryContains(_ grant: Grant, query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        let uris = try query.ids("uris", maximum: 40)
        let library = libraryURIs[user.profile.id] ?? []
        return .json(uris.map { library.contains($0) })
    }

    func decode<T: Decodable>(_ type: T.Type, from body: Data?) throws(SandboxFailure) -> T {
        do {
            return try SpotifyJSON.decoder().decode(type, from: body?.isEmpty == false ? body! : Data("{}".utf8))
        } catch {
            throw SandboxFailure(.error(400, "Error parsing JSON."))
        }
    }
}
