import Foundation
import SpotifyModels

/// The read-only Web API: the user, search, history, artists and albums.
extension SandboxState {
    func me(_ grant: Grant) throws(SandboxFailure) -> SandboxResponse {
        .json(try user(for: grant).profile)
    }

    /// `GET /v1/search`: every word of `q` must appear in a track's title, artist or genre;
    /// `artist:`, `track:` and `genre:` narrow a word to one of them.
    func search(_ grant: Grant, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let limit = try query.limit(default: 5, maximum: options.mode == .legacy ? 50 : 10)
        let offset = try query.offset(maximum: 1000)
        guard let q = query.values["q"], !q.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SandboxFailure(.error(400, "No search query"))
        }
        let types = Set((query.values["type"] ?? "").split(separator: ",").map(String.init))
        guard !types.isEmpty, types.isSubset(of: ["track", "artist"]) else {
            throw SandboxFailure(.error(400, "Unsupported type: the sandbox searches track and artist"))
        }
        let terms = SearchTerms(q)
        var results = SearchResults()
        if types.contains("track") {
            let matches = searchIndex.tracks.filter { terms.match($0) }.map { catalog.entries[$0.index] }
                .sorted { ($0.track.popularity ?? 0, $1.track.name) > ($1.track.popularity ?? 0, $0.track.name) }
            results.tracks = page(matches.map { view($0.track) }, limit: limit, offset: offset, href: "/v1/search")
        }
        if types.contains("artist") {
            let matches = searchIndex.artists.filter { terms.match($0) }.map { catalog.artists[$0.index] }
            results.artists = page(matches.map(view), limit: limit, offset: offset, href: "/v1/search")
        }
        return .json(results)
    }

    /// `GET /v1/me/top/{tracks|artists}`: each time range puts the same favourites in another order.
    func top(_ type: String, _ grant: Grant, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        _ = try user(for: grant)
        try require("user-top-read", in: grant)
        let limit = try query.limit(default: 20, maximum: 50)
        let offset = try query.offset()
        let shift = ["short_term": 101, "medium_term": 37, "long_term": 0][query.values["time_range"] ?? "medium_term"] ?? 37
        func rotated<T>(_ items: [T]) -> [T] {
            guard !items.isEmpty else { return items }
            let cut = shift % items.count
            return Array(items[cut...] + items[..<cut])
        }
        switch type {
        case "tracks":
            let tracks = rotated(catalog.listener.topTrackIDs).compactMap { catalog.entry(id: $0).map { view($0.track) } }
            return .json(page(tracks, limit: limit, offset: offset, href: "/v1/me/top/tracks"))
        case "artists":
            let artists = rotated(catalog.listener.topArtistIDs).compactMap { catalog.artist(id: $0).map(view) }
            return .json(page(artists, limit: limit, offset: offset, href: "/v1/me/top/artists"))
        default:
            throw SandboxFailure(.error(404, "Service not found"))
        }
    }

    func recentlyPlayed(_ grant: Grant, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        _ = try user(for: grant)
        try require("user-read-recently-played", in: grant)
        let limit = try query.limit(default: 20, maximum: 50)
        let items = catalog.listener.recentlyPlayed.prefix(limit).map { PlayHistory(track: view($0.track), playedAt: $0.playedAt) }
        return .json(CursorPaging(items: Array(items), limit: limit, href: "/v1/me/player/recently-played"))
    }

    func savedTracks(_ grant: Grant, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        _ = try user(for: grant)
        let limit = try query.limit(default: 20, maximum: 50)
        let offset = try query.offset()
        let saved = catalog.listener.saved.map { SavedTrack(addedAt: $0.addedAt, track: view($0.track)) }
        return .json(page(saved, limit: limit, offset: offset, href: "/v1/me/tracks"))
    }

    func artist(_ id: String) throws(SandboxFailure) -> SandboxResponse {
        guard let artist = catalog.artist(id: id) else {
            throw SandboxFailure(.error(404, "Resource not found"))
        }
        return .json(view(artist))
    }

    func artistAlbums(_ id: String, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let limit = try query.limit(default: 10, maximum: options.mode == .legacy ? 50 : 10)
        let offset = try query.offset()
        var albums: [SimplifiedAlbum] = []
        for entry in catalog.entries where entry.track.artists.first?.id == id {
            if let album = entry.track.album, !albums.contains(where: { $0.id == album.id }) { albums.append(album) }
        }
        guard !albums.isEmpty else { throw SandboxFailure(.error(404, "Resource not found")) }
        return .json(page(albums, limit: limit, offset: offset, href: "/v1/artists/\(id)/albums"))
    }

    func albumTracks(_ id: String, _ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let limit = try query.limit(default: 20, maximum: 50)
        let offset = try query.offset()
        let tracks = catalog.entries.filter { $0.track.album?.id == id }.map { view($0.track) }
        guard !tracks.isEmpty else { throw SandboxFailure(.error(404, "Resource not found")) }
        return .json(page(tracks, limit: limit, offset: offset, href: "/v1/albums/\(id)/tracks"))
    }

    /// `GET /v1/tracks/{id}`.
    func track(_ id: String) throws(SandboxFailure) -> SandboxResponse {
        guard let entry = catalog.entry(id: id) else { throw SandboxFailure(.error(404, "Resource not found")) }
        return .json(view(entry.track))
    }

    /// `GET /v1/tracks?ids=`: gone for 2026 apps; up to 50 for legacy ones.
    func tracks(_ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        try requireLegacy()
        let ids = try query.ids("ids", maximum: 50)
        struct Tracks: Encodable { let tracks: [Track?] }
        return .json(Tracks(tracks: ids.map { catalog.entry(id: $0).map { view($0.track) } }))
    }
}

/// The words of a search, each optionally tied to a field.
struct SearchTerms {
    private var words: [(field: String?, word: String)] = []

    init(_ query: String) {
        for piece in query.split(separator: " ") {
            let parts = piece.split(separator: ":", maxSplits: 1)
            if parts.count == 2, ["artist", "track", "genre"].contains(parts[0].lowercased()) {
                words.append((String(parts[0]).lowercased(), Self.fold(String(parts[1]))))
            } else {
                words.append((nil, Self.fold(String(piece))))
            }
        }
        words = words.filter { !$0.word.isEmpty }
    }

    func match(_ track: SearchIndex.TrackText) -> Bool {
        words.allSatisfy { field, word in
            switch field {
            case "track": track.title.contains(word)
            case "artist": track.artist.contains(word)
            case "genre": track.genre.contains(word)
            default: track.title.contains(word) || track.artist.contains(word) || track.genre.contains(word)
            }
        }
    }

    func match(_ artist: SearchIndex.ArtistText) -> Bool {
        words.allSatisfy { field, word in
            switch field {
            case "genre": artist.genres.contains(word)
            case "track": false
            default: artist.name.contains(word) || artist.genres.contains(word)
            }
        }
    }

    /// Lowercase without accents or quotes, so "cafe" finds "Café".
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "\"", with: "")
    }
}

/// The catalog's searchable text, folded once when the sandbox starts.
struct SearchIndex: Sendable {
    struct TrackText: Sendable {
        let index: Int
        let title: String
        let artist: String
        let genre: String
    }

    struct ArtistText: Sendable {
        let index: Int
        let name: String
        let genres: String
    }

    let tracks: [TrackText]
    let artists: [ArtistText]

    init(_ catalog: DemoCatalog) {
        tracks = catalog.entries.enumerated().map { index, entry in
            TrackText(
                index: index, title: SearchTerms.fold(entry.track.name),
                artist: SearchTerms.fold(entry.track.artists.map(\.name).joined(separator: " ")), genre: SearchTerms.fold(entry.genre))
        }
        artists = catalog.artists.enumerated().map { index, artist in
            ArtistText(index: index, name: SearchTerms.fold(artist.name), genres: SearchTerms.fold((artist.genres ?? []).joined(separator: " ")))
        }
    }
}
