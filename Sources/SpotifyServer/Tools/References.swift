import Foundation
import ServerKit

/// Spotify ids as people paste them: bare, as `spotify:KIND:` URIs, or as
/// open.spotify.com links. Anything else is refused, naming the entry, so that one bad
/// id never fails a whole call of a hundred tracks, and no text reaches a URL path.
enum SpotifyReference {
    /// Spotify's ids are 22 letters and digits.
    static func isID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 22 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }

    /// The id in `text`, of the given kind (`track`, `playlist`).
    static func id(_ text: String, kind: String, argument: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var candidate = Substring(trimmed)
        if trimmed.hasPrefix("spotify:\(kind):") {
            candidate = trimmed.dropFirst("spotify:\(kind):".count)
        } else if trimmed.contains("open.spotify.com/"), let range = trimmed.range(of: "/\(kind)/") {
            // Also localized links: open.spotify.com/intl-es/track/ID.
            candidate = trimmed[range.upperBound...].prefix { $0 != "?" && $0 != "/" && $0 != "#" }
        }
        guard isID(candidate) else {
            throw ToolFailure(
                "`\(argument)`: '\(text.prefix(80))' is not a Spotify \(kind): give its id (22 letters and digits), "
                    + "a spotify:\(kind): URI, or an open.spotify.com/\(kind)/ link.")
        }
        return String(candidate)
    }
}

/// Track ids from a tool's arguments.
enum TrackReference {
    static func ids(_ texts: [String], argument: String) throws -> [String] {
        try texts.enumerated().map { index, text in try SpotifyReference.id(text, kind: "track", argument: "\(argument)[\(index)]") }
    }

    static func uris(_ texts: [String], argument: String) throws -> [String] {
        try ids(texts, argument: argument).map(uri)
    }

    static func uri(_ id: String) -> String { "spotify:track:\(id)" }

    /// The id of a `spotify:track:` URI.
    static func id(fromURI uri: String) -> String {
        uri.hasPrefix("spotify:track:") ? String(uri.dropFirst("spotify:track:".count)) : uri
    }
}

/// A playlist id from a tool's arguments.
enum PlaylistReference {
    static func id(_ text: String, argument: String = "playlist_id") throws -> String {
        try SpotifyReference.id(text, kind: "playlist", argument: argument)
    }
}
