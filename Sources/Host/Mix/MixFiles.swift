import Foundation
import MCP
import ServerKit

/// A mix as files a person keeps: `playlist.m3u8` (players open it), `playlist.json`
/// (scripts read it), `README.md` (why these tracks) and `mood.svg` (the tracks and the
/// target on the valence-energy plane).
struct MixFiles: Sendable {
    struct Track: Sendable, Equatable {
        let id: String
        let name: String
        let artists: [String]
        let valence: Double
        let energy: Double
        let fit: Double
        let source: String
        let estimated: Bool
    }

    let name: String
    let prompt: String
    let tracks: [Track]
    let target: (valence: Double, energy: Double)
    let explanation: String
    let mood: Value

    /// Reads the outputs of `analyze_mood`, `get_recommendations` and `explain_selection`.
    init(name: String, prompt: String, mood: Value, recommendations: Value, explanation: Value) {
        self.name = name
        self.prompt = prompt
        self.mood = mood
        tracks = (recommendations.objectValue?["tracks"]?.arrayValue ?? []).compactMap { value in
            guard let track = value.objectValue, let id = track["id"]?.stringValue, let features = track["features"]?.objectValue else {
                return nil
            }
            return Track(
                id: id, name: track["name"]?.stringValue ?? id, artists: track["artists"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                valence: features["valence"]?.numericValue ?? 0.5, energy: features["energy"]?.numericValue ?? 0.5, fit: track["fit"]?.numericValue ?? 0,
                source: features["source"]?.stringValue ?? "", estimated: features["estimated"]?.boolValue ?? false)
        }
        let aim = recommendations.objectValue?["target"]?.objectValue
        target = (aim?["valence"]?.numericValue ?? 0.5, aim?["energy"]?.numericValue ?? 0.5)
        self.explanation = explanation.objectValue?["text"]?.stringValue ?? ""
    }

    var all: [(name: String, content: String)] {
        [("playlist.m3u8", m3u8), ("playlist.json", json), ("README.md", readme), ("mood.svg", svg)]
    }

    // MARK: - The files

    var m3u8: String {
        var lines = ["#EXTM3U", "#PLAYLIST:\(name)"]
        for track in tracks {
            lines.append("#EXTINF:-1,\(track.artists.joined(separator: ", ")) - \(track.name)")
            lines.append("spotify:track:\(track.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        let value = Value.object([
            "name": .string(name), "prompt": .string(prompt), "mood": mood,
            "target": .object(["valence": .double(target.valence), "energy": .double(target.energy)]),
            "tracks": .array(
                tracks.map { track in
                    .object([
                        "id": .string(track.id), "uri": .string("spotify:track:\(track.id)"), "name": .string(track.name),
                        "artists": .array(track.artists.map { .string($0) }), "valence": .double(track.valence),
                        "energy": .double(track.energy), "fit": .double(track.fit), "source": .string(track.source),
                        "estimated": .bool(track.estimated),
                    ])
                }),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(JSONWriter.data(value)), as: UTF8.self) + "\n"
    }

    var readme: String {
        var lines = ["# \(name)", "", "Made by Setlist for “\(prompt)”.", "", "![The tracks on the mood plane](mood.svg)", ""]
        if !explanation.isEmpty { lines += ["## Why these tracks", "", explanation, ""] }
        lines += ["## Tracks", "", "| # | Track | Artists | Valence | Energy | Values |", "|---|---|---|---|---|---|"]
        for (index, track) in tracks.enumerated() {
            let values = track.estimated ? "estimated" : "measured"
            lines.append(
                "| \(index + 1) | \(Self.cell(track.name)) | \(Self.cell(track.artists.joined(separator: ", "))) | "
                    + "\(String(format: "%.2f", track.valence)) | \(String(format: "%.2f", track.energy)) | \(values) |")
        }
        lines += ["", "Open `playlist.m3u8` in a player, or add the `spotify:track:` links to a Spotify playlist.", ""]
        return lines.joined(separator: "\n")
    }

    /// The valence-energy plane: quadrants named as people feel them, each track a dot
    /// (its colour how well it fits), the target a ring.
    var svg: String {
        let size = 560.0
        let margin = 60.0
        let plot = size - 2 * margin
        func x(_ valence: Double) -> Double { margin + min(max(valence, 0), 1) * plot }
        func y(_ energy: Double) -> Double { margin + (1 - min(max(energy, 0), 1)) * plot }
        var parts: [String] = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="560" height="600" viewBox="0 0 560 600" font-family="Helvetica, Arial, sans-serif">"#,
            "<title>\(Self.escape(name))</title>",
            ##"<rect width="560" height="600" fill="#fbfaf7"/>"##,
            "<text x=\"280\" y=\"34\" text-anchor=\"middle\" font-size=\"18\" fill=\"#222\">\(Self.escape(Self.clip(prompt, 60)))</text>",
        ]
        let quadrants = [
            (margin, margin, "#fde2c4", "tense, fierce"), (margin + plot / 2, margin, "#fff1b8", "bright, lively"),
            (margin, margin + plot / 2, "#d7e3f4", "sad, quiet"), (margin + plot / 2, margin + plot / 2, "#d9efd8", "calm, content"),
        ]
        for (left, top, colour, label) in quadrants {
            parts.append("<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plot / 2)\" height=\"\(plot / 2)\" fill=\"\(colour)\" opacity=\"0.7\"/>")
            parts.append("<text x=\"\(left + 10)\" y=\"\(top + 22)\" font-size=\"13\" fill=\"#555\">\(label)</text>")
        }
        parts.append("<line x1=\"\(margin)\" y1=\"\(margin + plot)\" x2=\"\(margin + plot)\" y2=\"\(margin + plot)\" stroke=\"#333\"/>")
        parts.append("<line x1=\"\(margin)\" y1=\"\(margin)\" x2=\"\(margin)\" y2=\"\(margin + plot)\" stroke=\"#333\"/>")
        parts.append("<text x=\"\(margin + plot / 2)\" y=\"\(margin + plot + 36)\" text-anchor=\"middle\" font-size=\"14\" fill=\"#333\">valence: sad → happy</text>")
        parts.append(
            "<text x=\"\(margin - 36)\" y=\"\(margin + plot / 2)\" text-anchor=\"middle\" font-size=\"14\" fill=\"#333\" transform=\"rotate(-90 \(margin - 36) \(margin + plot / 2))\">energy: calm → intense</text>")
        for track in tracks {
            let hue = Int(min(max(track.fit, 0), 1) * 120)
            parts.append(
                "<circle cx=\"\(x(track.valence))\" cy=\"\(y(track.energy))\" r=\"7\" fill=\"hsl(\(hue), 65%, 45%)\" fill-opacity=\"0.85\" stroke=\"#fff\"\(track.estimated ? " stroke-dasharray=\"2 2\"" : "")><title>\(Self.escape("\(track.name) — \(track.artists.joined(separator: ", "))"))</title></circle>")
        }
        parts.append(
            "<circle cx=\"\(x(target.valence))\" cy=\"\(y(target.energy))\" r=\"16\" fill=\"none\" stroke=\"#111\" stroke-width=\"3\"><title>the target</title></circle>")
        parts.append("<text x=\"280\" y=\"588\" text-anchor=\"middle\" font-size=\"12\" fill=\"#666\">\(tracks.count) tracks · ring: the target · green dots fit best</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    // MARK: - Text

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }

    /// A folder name from a prompt: lowercase letters and digits joined by dashes.
    static func slug(_ prompt: String) -> String {
        let folded = prompt.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        let slug = words.prefix(8).joined(separator: "-")
        return slug.isEmpty ? "mix" : String(slug.prefix(60))
    }
}
