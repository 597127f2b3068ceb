import Foundation

/// Track ids as people paste them: bare ids, `spotify:track:` URIs or open.spotify.com links.
enum TrackReference {
    static func id(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("spotify:track:") { return String(trimmed.dropFirst("spotify:track:".count)) }
        if let range = trimmed.range(of: "open.spotify.com/track/") {
            return String(trimmed[range.upperBound...].prefix { $0 != "?" && $0 != "/" })
        }
        return trimmed
    }

    static func ids(_ texts: [String]) -> [String] {
        texts.map(id).filter { !$0.isEmpty }
    }
}

/// Playlist ids as people paste them: bare, `spotify:playlist:` URIs or links.
enum PlaylistReference {
    static func id(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("spotify:playlist:") { return String(trimmed.dropFirst("spotify:playlist:".count)) }
        if let range = trimmed.range(of: "open.spotify.com/playlist/") {
            return String(trimmed[range.upperBound...].prefix { $0 != "?" && $0 != "/" })
        }
        return trimmed
    }
}
