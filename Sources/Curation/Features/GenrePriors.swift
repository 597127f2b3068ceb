/// How music of a genre usually sounds, for tracks no service has analysed. Artist
/// genres are deprecated and often missing for new apps, so a track found by a genre
/// search carries that genre, and one found by mood words is estimated from the words.
///
/// The values are Setlist's own reading of each genre on Spotify's scales; a track can
/// stray far from its genre's usual sound, which is why estimates weigh less than
/// measurements when tracks are scored.
public struct GenrePriors: Sendable {
    public struct Prior: Sendable, Equatable {
        public var valence, energy, danceability, tempo, acousticness, instrumentalness: Double
    }

    public var priors: [String: Prior]
    let analyzer: MoodAnalyzer

    public init(priors: [String: Prior], analyzer: MoodAnalyzer = MoodAnalyzer()) {
        self.priors = priors
        self.analyzer = analyzer
    }

    /// The prior of a genre, or of the longest known genre its name contains
    /// ("latin pop" → "pop").
    public func prior(for genre: String) -> Prior? {
        let name = genre.lowercased()
        if let exact = priors[name] { return exact }
        let words = " \(name) "
        return priors.keys.filter { words.contains(" \($0) ") }.max { $0.count < $1.count }.flatMap { priors[$0] }
    }

    /// Names that cover several sounds ("latin" holds salsa and trap): good for reading an
    /// artist's genre, too broad to search for a mood.
    static let umbrellas: Set<String> = ["latin", "dance", "lofi", "rap", "indie", "folk", "soundtrack"]

    /// The genres whose usual sound lies nearest a target, nearest first; umbrella names left out.
    func genres(nearest target: FeatureTarget, count: Int) -> [String] {
        priors.keys.filter { !Self.umbrellas.contains($0) }.map { ($0, distance(from: $0, to: target) ?? .infinity) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }

    /// How far a genre's usual sound lies from a target; a genre on the other side of a
    /// decided scale (cheerful for a dark mood) counts as further. `nil` for an unknown genre.
    func distance(from genre: String, to target: FeatureTarget) -> Double? {
        guard let prior = prior(for: genre) else { return nil }
        var distance = (prior.valence - target.valence) * (prior.valence - target.valence)
            + (prior.energy - target.energy) * (prior.energy - target.energy)
            + 0.5 * (prior.danceability - target.danceability) * (prior.danceability - target.danceability)
        for (value, aim) in [(prior.valence, target.valence), (prior.energy, target.energy)]
        where abs(aim - 0.5) > 0.08 && (value - 0.5) * (aim - 0.5) <= 0 {
            distance += 0.1
        }
        return distance
    }

    /// An estimate for a candidate nobody analysed: from its genre, else from the mood
    /// words that found it, else the middle of every scale.
    public func estimate(for candidate: Candidate) -> TrackFeatures {
        for genre in candidate.genres {
            if let prior = prior(for: genre) {
                return TrackFeatures(
                    valence: prior.valence, energy: prior.energy, danceability: prior.danceability, tempo: prior.tempo,
                    acousticness: prior.acousticness, instrumentalness: prior.instrumentalness, origin: .genrePrior(genre))
            }
        }
        if !candidate.tags.isEmpty {
            let mood = analyzer.analyze(candidate.tags.joined(separator: ", "))
            if mood.confidence > 0 {
                return TrackFeatures(
                    valence: mood.valence, energy: mood.energy, danceability: mood.danceability, tempo: mood.tempo,
                    acousticness: mood.acousticness, instrumentalness: mood.instrumentalness, origin: .tagPrior(candidate.tags))
            }
        }
        return TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .unknown)
    }
}

extension GenrePriors {
    private static func prior(
        _ valence: Double, _ energy: Double, _ danceability: Double, _ tempo: Double, acoustic: Double, instrumental: Double
    ) -> Prior {
        Prior(
            valence: valence, energy: energy, danceability: danceability, tempo: tempo, acousticness: acoustic,
            instrumentalness: instrumental)
    }

    /// Setlist's priors: valence, energy, danceability, tempo, acousticness, instrumentalness.
    public static let standard = GenrePriors(priors: [
        // Quiet and instrumental
        "ambient": prior(0.2, 0.15, 0.25, 80, acoustic: 0.65, instrumental: 0.9),
        "classical": prior(0.3, 0.2, 0.25, 100, acoustic: 0.95, instrumental: 0.9),
        "piano": prior(0.3, 0.15, 0.3, 90, acoustic: 0.95, instrumental: 0.85),
        "lofi hip hop": prior(0.45, 0.3, 0.65, 82, acoustic: 0.5, instrumental: 0.8),
        "lofi": prior(0.45, 0.3, 0.65, 82, acoustic: 0.5, instrumental: 0.8),
        "new age": prior(0.3, 0.15, 0.25, 75, acoustic: 0.7, instrumental: 0.85),
        "soundtrack": prior(0.3, 0.35, 0.3, 100, acoustic: 0.5, instrumental: 0.8),
        // Acoustic and mellow
        "jazz": prior(0.5, 0.35, 0.5, 110, acoustic: 0.75, instrumental: 0.5),
        "bossa nova": prior(0.6, 0.3, 0.6, 125, acoustic: 0.8, instrumental: 0.25),
        "acoustic folk": prior(0.45, 0.35, 0.5, 105, acoustic: 0.85, instrumental: 0.05),
        "folk": prior(0.45, 0.35, 0.5, 105, acoustic: 0.8, instrumental: 0.05),
        "singer-songwriter": prior(0.4, 0.3, 0.5, 100, acoustic: 0.8, instrumental: 0.02),
        "bolero": prior(0.35, 0.3, 0.45, 88, acoustic: 0.75, instrumental: 0.05),
        "blues": prior(0.4, 0.45, 0.5, 100, acoustic: 0.5, instrumental: 0.1),
        "country": prior(0.6, 0.55, 0.55, 110, acoustic: 0.45, instrumental: 0.02),
        "soul": prior(0.6, 0.5, 0.6, 100, acoustic: 0.35, instrumental: 0.02),
        "r&b": prior(0.5, 0.5, 0.7, 98, acoustic: 0.25, instrumental: 0.02),
        "flamenco": prior(0.45, 0.55, 0.55, 120, acoustic: 0.85, instrumental: 0.2),
        "indie": prior(0.45, 0.55, 0.55, 115, acoustic: 0.3, instrumental: 0.05),
        // Upbeat and danceable
        "pop": prior(0.6, 0.65, 0.65, 118, acoustic: 0.2, instrumental: 0.01),
        "indie pop": prior(0.6, 0.6, 0.6, 118, acoustic: 0.25, instrumental: 0.05),
        "k-pop": prior(0.65, 0.75, 0.7, 120, acoustic: 0.1, instrumental: 0.01),
        "synthpop": prior(0.6, 0.7, 0.7, 122, acoustic: 0.08, instrumental: 0.1),
        "disco": prior(0.8, 0.75, 0.8, 120, acoustic: 0.1, instrumental: 0.05),
        "funk": prior(0.8, 0.72, 0.8, 108, acoustic: 0.15, instrumental: 0.1),
        "house": prior(0.6, 0.8, 0.8, 124, acoustic: 0.03, instrumental: 0.6),
        "edm": prior(0.55, 0.85, 0.7, 128, acoustic: 0.03, instrumental: 0.3),
        "dance": prior(0.65, 0.8, 0.8, 124, acoustic: 0.05, instrumental: 0.2),
        "reggae": prior(0.7, 0.55, 0.75, 90, acoustic: 0.2, instrumental: 0.05),
        "reggaeton": prior(0.7, 0.78, 0.82, 95, acoustic: 0.12, instrumental: 0.01),
        "salsa": prior(0.82, 0.75, 0.7, 180, acoustic: 0.35, instrumental: 0.05),
        "cumbia": prior(0.82, 0.7, 0.8, 96, acoustic: 0.35, instrumental: 0.05),
        "pop latino": prior(0.7, 0.72, 0.72, 100, acoustic: 0.15, instrumental: 0.01),
        "latin": prior(0.72, 0.72, 0.75, 100, acoustic: 0.2, instrumental: 0.02),
        "hip hop": prior(0.5, 0.65, 0.75, 92, acoustic: 0.12, instrumental: 0.02),
        "rap": prior(0.48, 0.68, 0.75, 95, acoustic: 0.1, instrumental: 0.01),
        "trap": prior(0.38, 0.65, 0.75, 140, acoustic: 0.1, instrumental: 0.01),
        "trap latino": prior(0.4, 0.65, 0.75, 140, acoustic: 0.1, instrumental: 0.01),
        // Loud and hard
        "rock": prior(0.5, 0.8, 0.5, 125, acoustic: 0.08, instrumental: 0.05),
        "punk": prior(0.55, 0.9, 0.45, 170, acoustic: 0.02, instrumental: 0.02),
        "metal": prior(0.3, 0.93, 0.4, 140, acoustic: 0.01, instrumental: 0.15),
        "techno": prior(0.35, 0.86, 0.75, 130, acoustic: 0.02, instrumental: 0.85),
        "drum and bass": prior(0.45, 0.9, 0.6, 174, acoustic: 0.02, instrumental: 0.5),
        "dubstep": prior(0.35, 0.88, 0.6, 140, acoustic: 0.02, instrumental: 0.4),
    ])
}
