import SpotifyModels

/// Why tracks fit a moment, in words a listener reads: the sound the moment asks for,
/// each track's real values and where they came from, and a plain note when values
/// were only estimated.
public struct SelectionExplanation: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var track: Track
        public var features: TrackFeatures
        public var fit: Double
        public var text: String
    }

    public var target: FeatureTarget
    public var entries: [Entry]
    public var summary: String

    /// - Parameters:
    ///   - tracks: the tracks and what is known of their sound.
    ///   - mood: the moment they were chosen for; its words are quoted back.
    public init(tracks: [(Track, TrackFeatures)], mood: Mood, context: String) {
        let target = FeatureTarget(mood)
        self.target = target
        entries = tracks.map { track, features in
            let fit = Scoring.fit(features, target)
            return Entry(track: track, features: features, fit: fit, text: Self.describe(track, features, fit: fit, target: target))
        }
        var lines: [String] = []
        let words = mood.explanation.filter { $0.feature == .valence || $0.feature == .energy }.map(\.phrase)
        let because = words.isEmpty ? "" : " (from \(Self.list(Array(Set(words)).sorted())))"
        lines.append(
            "\"\(context)\" asks for \(Self.describe(valence: target.valence)) and \(Self.describe(energy: target.energy)) music\(because): "
                + "valence \(Self.format(target.valence)), energy \(Self.format(target.energy)).")
        let fits = entries.map(\.fit)
        if !fits.isEmpty {
            let mean = fits.reduce(0, +) / Double(fits.count)
            lines.append("On average the tracks fit it \(Self.percent(mean)).")
        }
        let estimated = entries.filter { !$0.features.origin.isMeasured }
        if !estimated.isEmpty {
            lines.append(
                "For \(estimated.count) of \(entries.count) tracks no audio analysis was available: their values are estimates "
                    + "from genre or search words, not measurements.")
        }
        summary = lines.joined(separator: " ")
    }

    /// The summary, then a line a track.
    public var text: String {
        ([summary] + entries.enumerated().map { "\($0.offset + 1). \($0.element.text)" }).joined(separator: "\n")
    }

    // MARK: - Wording

    static func describe(_ track: Track, _ features: TrackFeatures, fit: Double, target: FeatureTarget) -> String {
        let artists = track.artists.map(\.name).joined(separator: ", ")
        var values = "valence \(format(features.valence)), energy \(format(features.energy)), danceability \(format(features.danceability))"
        if let tempo = features.tempo, tempo.isFinite { values += ", \(Int(min(max(tempo, 0), 999).rounded())) BPM" }
        let verb = features.origin.isMeasured ? "measured by" : "estimated:"
        let source = features.origin.isMeasured ? "\(verb) \(features.origin.summary)" : features.origin.summary
        let closeness =
            fit >= 0.8 ? "a close fit" : fit >= 0.6 ? "a good fit" : fit >= 0.4 ? "a loose fit" : "far from the target"
        return "\(track.name) — \(artists): \(values) (\(source)); \(closeness), \(describe(valence: features.valence)) and \(describe(energy: features.energy))."
    }

    static func describe(valence: Double) -> String {
        valence >= 0.65 ? "bright" : valence >= 0.5 ? "warm" : valence >= 0.35 ? "wistful" : "dark"
    }

    static func describe(energy: Double) -> String {
        energy >= 0.7 ? "driving" : energy >= 0.5 ? "lively" : energy >= 0.3 ? "easy-going" : "quiet"
    }

    /// A 0...1 value to two places: `0.07`, `0.42`, `1.00`.
    static func format(_ value: Double) -> String {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        if hundredths == 100 { return "1.00" }
        return hundredths < 10 ? "0.0\(hundredths)" : "0.\(hundredths)"
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    static func list(_ words: [String]) -> String {
        words.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
