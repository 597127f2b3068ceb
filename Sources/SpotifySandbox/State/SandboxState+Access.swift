import Foundation
import SpotifyModels

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

    /// The page of `all` that starts at `offset`, with links to its neighbours.
    ///
    /// No sum here can overflow, whatever the offset and limit: the end is counted
    /// from what is left after the offset, never by adding the two.
    func page<Item>(_ all: [Item], limit: Int, offset: Int, href: String) -> Paging<Item> {
        let start = min(max(0, offset), all.count)
        let end = start + min(max(0, limit), all.count - start)
        let next = end < all.count ? "\(href)?offset=\(end)&limit=\(limit)" : nil
        let previous = offset > 0 ? "\(href)?offset=\(max(0, offset - limit))&limit=\(limit)" : nil
        return Paging(
            items: Array(all[start..<end]), limit: limit, offset: offset, total: all.count, href: href, next: next,
            previous: previous)
    }
}
