/// How well a candidate fits a mix, from 0 up: closeness of its sound to the target
/// (measured values count fully, estimates less), matching genres and mood words, a
/// little for tracks the listener knows, less for tracks of recent mixes.
struct Scoring: Sendable {
    let request: MixRequest
    let recentlyMixed: Set<String>

    /// Feature weights: valence and energy decide the mood; the rest refine it.
    static let weights = (valence: 1.0, energy: 1.0, danceability: 0.3, tempo: 0.3, acousticness: 0.4, instrumentalness: 0.4)

    struct Score: Sendable, Equatable {
        var total: Double
        var fit: Double
        var reasons: [String]
    }

    func score(_ candidate: Candidate, _ features: TrackFeatures) -> Score {
        let target = request.target
        var reasons: [String] = []
        let fit = Self.fit(features, target)
        // An estimate says less about one track than a measurement: pull its fit toward
        // the middle, the more the less it can be trusted.
        let confidence = features.origin.confidence
        var total = 0.5 + (fit - 0.5) * confidence
        // A decided mood wants tracks clearly on its side of the scale, not merely near it.
        for (value, aim) in [(features.valence, target.valence), (features.energy, target.energy)] where abs(aim - 0.5) > 0.08 {
            if (value - 0.5) * (aim - 0.5) > 0 { total += 0.12 * confidence * min(1, abs(value - 0.5) / 0.15) }
        }
        let genres = Set(request.mood.genres)
        if let genre = candidate.genres.first(where: genres.contains) {
            total += 0.08
            reasons.append("genre \(genre)")
        }
        let tags = candidate.tags.filter(request.mood.tags.contains)
        if !tags.isEmpty {
            total += min(0.08, 0.04 * Double(tags.count))
            reasons.append("matches \(tags.joined(separator: ", "))")
        }
        if candidate.isFamiliar {
            total += 0.03
        }
        if recentlyMixed.contains(candidate.id) {
            total -= 0.15
            reasons.append("was in a recent mix")
        }
        return Score(total: total, fit: fit, reasons: reasons)
    }

    /// 1 when the sound is the target, falling toward 0 with distance.
    static func fit(_ features: TrackFeatures, _ target: FeatureTarget) -> Double {
        let w = weights
        var sum = w.valence * square(features.valence - target.valence) + w.energy * square(features.energy - target.energy)
            + w.danceability * square(features.danceability - target.danceability)
        var weight = w.valence + w.energy + w.danceability
        if let aim = target.tempo, let tempo = features.tempo {
            sum += w.tempo * square(min(1, abs(tempo - aim) / 60))
            weight += w.tempo
        }
        if let aim = target.acousticness, let value = features.acousticness {
            sum += w.acousticness * square(value - aim)
            weight += w.acousticness
        }
        if let aim = target.instrumentalness, let value = features.instrumentalness {
            sum += w.instrumentalness * square(value - aim)
            weight += w.instrumentalness
        }
        return max(0, 1 - (sum / weight).squareRoot() * 1.6)
    }

    private static func square(_ value: Double) -> Double { value * value }
}
