import Foundation
import SpotifyAPI

/// Who may call what: user tokens, registered users, scopes, and the 2026 restrictions.
extension SandboxState {
    /// The user behind a grant, if the app may act for them.
    func user(for grant: Grant) throws(SandboxFailure) -> User {
        guard let id = grant.userID, let user = users[id] else {
            throw SandboxFailure(.error(401, "This request needs a user's access token, not an app token"))
        }
        guard Self.app.registeredUsers.contains(id) else {
            throw SandboxFailure(.error(403, "User not registered in the Developer Dashboard"))
        }
        return user
    }

    func require(_ scope: String, in grant: Grant) throws(SandboxFailure) {
        guard grant.scopes.contains(scope) else { throw SandboxFailure(.error(403, "Insufficient client scope")) }
    }

    /// Endpoints Spotify removed or restricted for development-mode apps, answered 403 unless legacy.
    func requireLegacy() throws(SandboxFailure) {
        guard options.mode == .legacy else { throw SandboxFailure(.error(403, "Forbidden")) }
    }

    // MARK: - What a 2026 app sees

    /// A track as this mode returns it: no popularity or preview in 2026.
    func view(_ track: Track) -> Track {
        var track = track
        if options.mode == .restricted2026 { track.popularity = nil }
        track.previewUrl = nil
        return track
    }

    /// An artist as this mode returns it: no genres or popularity in 2026.
    func view(_ artist: Artist) -> Artist {
        var artist = artist
        if options.mode == .restricted2026 {
            artist.genres = nil
            artist.popularity = nil
        }
        return artist
    }

    func page<Item>(_ all: [Item], limit: Int, offset: Int, href: String) -> Paging<Item> {
        let slice = offset < all.count ? Array(all[offset..<min(all.count, offset + limit)]) : []
        let next = offset + limit < all.count ? "\(href)?offset=\(offset + limit)&limit=\(limit)" : nil
        let previous = offset > 0 ? "\(href)?offset=\(max(0, offset - limit))&limit=\(limit)" : nil
        return Paging(items: slice, limit: limit, offset: offset, total: all.count, href: href, next: next, previous: previous)
    }
}

/// Reading query parameters the way the Web API does, with its limits.
struct QueryReader {
    let values: [String: String]

    func limit(default defaultValue: Int, maximum: Int) throws(SandboxFailure) -> Int {
        guard let text = values["limit"] else { return defaultValue }
        guard let limit = Int(text), (1...maximum).contains(limit) else { throw SandboxFailure(.error(400, "Invalid limit")) }
        return limit
    }

    func offset(maximum: Int = .max) throws(SandboxFailure) -> Int {
        guard let text = values["offset"] else { return 0 }
        guard let offset = Int(text), (0...maximum).contains(offset) else { throw SandboxFailure(.error(400, "Invalid offset")) }
        return offset
    }

    func ids(_ name: String, maximum: Int) throws(SandboxFailure) -> [String] {
        let ids = (values[name] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw SandboxFailure(.error(400, "No \(name) given")) }
        guard ids.count <= maximum else { throw SandboxFailure(.error(400, "Too many ids requested")) }
        return ids
    }
}
