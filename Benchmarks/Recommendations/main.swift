import Curation
import Foundation
import Logging
import SpotifyAPI
import SpotifyModels
import SpotifySandbox
import SpotifyServer

// `get_recommendations` for 30 tracks against the sandbox at 50 ms a request, the way
// Setlist makes it (sources side by side, features 40 a call) and the naive way (one
// request at a time, features track by track). Prints requests and wall time of both.
// Targets: at most 1.5 s and 25 requests.

/// The same catalog, one call at a time: each waits for the one before.
actor OneAtATime: MusicCatalog {
    let catalog: SpotifyCatalog

    init(_ catalog: SpotifyCatalog) {
        self.catalog = catalog
    }

    func topTracks(_ range: TimeRange, limit: Int) async throws -> [Track] { try await catalog.topTracks(range, limit: limit) }
    func topArtistIDs(limit: Int) async throws -> [String] { try await catalog.topArtistIDs(limit: limit) }
    func tracks(byArtist artistID: String, limit: Int) async throws -> [Track] { try await catalog.tracks(byArtist: artistID, limit: limit) }
    func recentlyPlayed(limit: Int) async throws -> [Track] { try await catalog.recentlyPlayed(limit: limit) }
    func savedTracks(limit: Int) async throws -> [Track] { try await catalog.savedTracks(limit: limit) }
    func searchTracks(_ query: String, limit: Int, offset: Int) async throws -> [Track] {
        try await catalog.searchTracks(query, limit: limit, offset: offset)
    }
    func tracks(ids: [String]) async throws -> [Track] { try await catalog.tracks(ids: ids) }
}

/// ReccoBeats asked about one track at a time.
struct TrackByTrack: FeatureSource {
    let source: ReccoBeatsFeatureSource
    var name: String { "ReccoBeats, track by track" }

    func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures] {
        var found: [String: TrackFeatures] = [:]
        for candidate in candidates {
            found.merge(try await source.features(for: [candidate])) { first, _ in first }
        }
        return found
    }
}

let latency = Duration.milliseconds(Int(ProcessInfo.processInfo.environment["BENCH_LATENCY_MS"] ?? "50") ?? 50)
LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
let session = try await SpotifySession.embedded(options: SandboxOptions(latency: latency), logger: Logger(label: "bench"))
let sandbox = session.embedded!.server.state
let request = MixRequest(mood: MoodAnalyzer().analyze("rainy Sunday, slow coffee"), count: 30)

func measure(_ recommender: Recommender) async -> (picks: Int, requests: Int, seconds: Double) {
    let before = await sandbox.apiRequestCount
    let started = ContinuousClock.now
    let mix = await recommender.recommend(request)
    let elapsed = ContinuousClock.now - started
    let requests = await sandbox.apiRequestCount - before
    return (mix.picks.count, requests, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let client = session.client
let setlist = await measure(
    Recommender(
        catalog: SpotifyCatalog(client: client), features: FeatureChain(sources: [ReccoBeatsFeatureSource(client: client)]),
        trackRecommender: ReccoBeatsRecommender(client: client)))
let sequentialClient = SpotifyClient(endpoints: client.endpoints, tokens: client.tokens, concurrency: 1)
let naive = await measure(
    Recommender(
        catalog: OneAtATime(SpotifyCatalog(client: sequentialClient)), features: FeatureChain(sources: [TrackByTrack(source: ReccoBeatsFeatureSource(client: sequentialClient))]),
        trackRecommender: ReccoBeatsRecommender(client: sequentialClient)))
session.embedded?.stop()

func row(_ name: String, _ result: (picks: Int, requests: Int, seconds: Double)) -> String {
    "  \(name.padding(toLength: 40, withPad: " ", startingAt: 0))\(String(result.requests).leftPadded(9))\(String(format: "%.2f s", result.seconds).leftPadded(10))\(String(result.picks).leftPadded(8))"
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

print("get_recommendations, 30 tracks, against the sandbox at \(latency) a request")
print("  \("".padding(toLength: 40, withPad: " ", startingAt: 0))\("requests".leftPadded(9))\("wall".leftPadded(10))\("tracks".leftPadded(8))")
print(row("setlist (side by side, 40 a call)", setlist))
print(row("naive (one at a time, track by track)", naive))
let met = setlist.seconds <= 1.5 && setlist.requests <= 25 && setlist.picks == 30
print("  target: at most 1.5 s and 25 requests for 30 tracks: \(met ? "met" : "MISSED")  (\(String(format: "%.1f", naive.seconds / setlist.seconds))x faster, \(naive.requests / max(1, setlist.requests))x fewer requests than naive)")
