/// Features for every candidate: the cache first, then each source in turn for what is
/// still unknown, then estimates from genre and search words, so every track gets
/// values and every value keeps its origin.
public struct FeatureChain: Sendable {
    public var cache: (any FeatureCache)?
    public var sources: [any FeatureSource]
    public var priors: GenrePriors

    public init(cache: (any FeatureCache)? = nil, sources: [any FeatureSource], priors: GenrePriors = .standard) {
        self.cache = cache
        self.sources = sources
        self.priors = priors
    }

    /// What the chain found, and notes on what failed along the way.
    public struct Result: Sendable {
        public var features: [String: TrackFeatures]
        public var notes: [String]
    }

    public func features(for candidates: [Candidate]) async -> Result {
        var known: [String: TrackFeatures] = [:]
        var notes: [String] = []
        let ids = candidates.map(\.id)
        if let cache {
            do {
                known = try await cache.features(for: ids)
            } catch {
                notes.append("The feature cache could not be read (\(error)); features were looked up again.")
            }
        }
        var learned: [String: TrackFeatures] = [:]
        for source in sources {
            let missing = candidates.filter { known[$0.id] == nil }
            guard !missing.isEmpty else { break }
            do {
                let found = try await source.features(for: missing)
                for (id, features) in found where known[id] == nil {
                    known[id] = features
                    learned[id] = features
                }
            } catch {
                notes.append("\(source.name) could not be reached (\(error)); its tracks were estimated from genre and search words.")
            }
        }
        if let cache, !learned.isEmpty {
            do {
                try await cache.remember(learned)
            } catch {
                notes.append("The feature cache could not be written (\(error)).")
            }
        }
        for candidate in candidates where known[candidate.id] == nil {
            known[candidate.id] = priors.estimate(for: candidate)
        }
        return Result(features: known, notes: notes)
    }
}
