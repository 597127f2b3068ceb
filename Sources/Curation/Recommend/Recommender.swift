/// Setlist's recommender: candidates from everything the catalog offers, features
/// from a chain of sources, then scoring and a varied selection.
///
/// Every step works on plain values behind protocols (``MusicCatalog``,
/// ``FeatureSource``, ``TrackRecommender``, ``MixMemory``), so the same code runs on
/// the listener's Spotify, on the sandbox, and on a scripted catalog in tests.
public struct Recommender: Sendable {
    public var catalog: any MusicCatalog
    public var features: FeatureChain
    public var trackRecommender: (any TrackRecommender)?
    public var memory: (any MixMemory)?

    public init(
        catalog: any MusicCatalog, features: FeatureChain, trackRecommender: (any TrackRecommender)? = nil,
        memory: (any MixMemory)? = nil
    ) {
        self.catalog = catalog
        self.features = features
        self.trackRecommender = trackRecommender
        self.memory = memory
    }

    /// The steps of a recommendation, for progress reports.
    public enum Step: Int, Sendable, CaseIterable {
        case gathering = 1, analysing, choosing
    }

    public func recommend(_ request: MixRequest, onStep: @Sendable (Step) -> Void = { _ in }) async -> Recommendation {
        let plan = SearchPlan(request: request, priors: features.priors)
        let gathering = CandidateGathering(catalog: catalog, recommender: trackRecommender)
        onStep(.gathering)
        let (pool, gatheringNotes) = await gathering.gather(for: request, plan: plan)
        var notes = gatheringNotes
        let candidates = pool.candidates
        onStep(.analysing)
        let known = await features.features(for: candidates)
        notes += known.notes
        var recentlyMixed: Set<String> = []
        if let memory {
            do {
                recentlyMixed = try await memory.recentlyMixedTrackIDs()
            } catch {
                notes.append("The history of mixes could not be read (\(error)); recent picks may repeat.")
            }
        }
        onStep(.choosing)
        let scoring = Scoring(request: request, recentlyMixed: recentlyMixed)
        let scored = candidates.compactMap { candidate -> Selection.Scored? in
            guard let features = known.features[candidate.id] else { return nil }
            return Selection.Scored(candidate: candidate, features: features, score: scoring.score(candidate, features))
        }
        var picked = Selection.pick(scored, count: request.count, excluding: Set(request.seedTrackIDs))
        if request.energyArc {
            picked = EnergyArc.ordered(picked) { $0.features.energy }
        }
        if picked.count < request.count {
            notes.append("Only \(picked.count) of \(request.count) tracks could be found for this mood.")
        }
        let picks = picked.map { item in
            Recommendation.Pick(
                track: item.candidate.track, features: item.features, fit: item.score.fit, score: item.score.total,
                origins: item.candidate.origins.sorted { $0.summary < $1.summary }, reasons: item.score.reasons)
        }
        return Recommendation(picks: picks, target: request.target, candidatesConsidered: candidates.count, notes: notes)
    }
}
