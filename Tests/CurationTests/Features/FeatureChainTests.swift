import SpotifyModels
import Synchronization
import Testing

@testable import Curation

/// The chain fills in what each source lacks, keeps every value's origin, and survives
/// sources and caches that fail.
@Suite struct FeatureChainTests {
    static let catalog = ScriptedCatalog.make(genres: ["funk": (0.8, 0.75), "bolero": (0.3, 0.3)], perGenre: 5)

    var candidates: [Candidate] {
        Self.catalog.songs.map { Candidate(track: $0.track, origins: [.search("x")], genres: [$0.genre]) }
    }

    final class MemoryCache: FeatureCache {
        let stored = Mutex<[String: TrackFeatures]>([:])
        let broken: Bool
        init(broken: Bool = false) { self.broken = broken }

        func features(for ids: [String]) async throws -> [String: TrackFeatures] {
            if broken { throw ScriptedCatalog.Unavailable() }
            return stored.withLock { stored in stored.filter { ids.contains($0.key) } }
        }

        func remember(_ features: [String: TrackFeatures]) async throws {
            if broken { throw ScriptedCatalog.Unavailable() }
            stored.withLock { $0.merge(features) { $1 } }
        }
    }

    @Test func eachSourceAnswersForWhatTheOnesBeforeDidNotKnow() async {
        let firstHalf = Set(candidates.prefix(5).map(\.id))
        let first = ScriptedFeatures(catalog: Self.catalog, knows: firstHalf)
        let second = RelabelledSource(origin: .spotify)
        let result = await FeatureChain(sources: [first, second]).features(for: candidates)
        #expect(result.features.count == candidates.count)
        #expect(candidates.prefix(5).allSatisfy { result.features[$0.id]?.origin == .reccoBeats })
        #expect(candidates.dropFirst(5).allSatisfy { result.features[$0.id]?.origin == .spotify })
    }

    @Test func whatNoSourceKnowsIsEstimatedFromItsGenre() async {
        let result = await FeatureChain(sources: [ScriptedFeatures(catalog: Self.catalog, fails: true)]).features(for: candidates)
        #expect(result.features.values.allSatisfy { !$0.origin.isMeasured })
        #expect(result.features[candidates[0].id]?.origin == .genrePrior(candidates[0].genres[0]))
        #expect(result.notes.count == 1)
    }

    @Test func theCacheIsReadFirstAndLearnsWhatSourcesFound() async {
        let cache = MemoryCache()
        let chain = FeatureChain(cache: cache, sources: [ScriptedFeatures(catalog: Self.catalog)])
        _ = await chain.features(for: candidates)
        #expect(cache.stored.withLock { $0.count } == candidates.count)
        // With every source gone, the cache still answers.
        let offline = FeatureChain(cache: cache, sources: [ScriptedFeatures(catalog: Self.catalog, fails: true)])
        let result = await offline.features(for: candidates)
        #expect(result.features.values.allSatisfy { $0.origin == .reccoBeats })
        #expect(result.notes.isEmpty)
    }

    @Test func aBrokenCacheIsANoteNotAFailure() async {
        let chain = FeatureChain(cache: MemoryCache(broken: true), sources: [ScriptedFeatures(catalog: Self.catalog)])
        let result = await chain.features(for: candidates)
        #expect(result.features.values.allSatisfy { $0.origin == .reccoBeats })
        #expect(result.notes.count == 2)
    }

    /// Answers for everything, labelled with a fixed origin.
    struct RelabelledSource: FeatureSource {
        let origin: FeatureOrigin
        var name: String { "relabelled" }
        func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures] {
            Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: origin)) })
        }
    }
}
