import Foundation
import Logging
import SpotifyAPI
import SpotifyModels
import SpotifySandbox
import SpotifyServer

// The Spotify requests of a typical mix, against the sandbox at 50 ms a request:
// made the way SpotifyClient makes them (independent requests side by side, a few
// at a time) and then one after another. Prints the request counts, wall times and
// their ratio. Target: at most a quarter of the sequential time.

let latency = Duration.milliseconds(Int(ProcessInfo.processInfo.environment["BENCH_LATENCY_MS"] ?? "50") ?? 50)
let queries = [
    "rain", "coffee", "night", "sunday", "summer", "lluvia", "café", "noche", "domingo", "verano", "slow", "dance",
    "blue", "golden", "quiet", "electric", "highway", "mañana", "luna", "calle", "storm", "morning", "lullaby",
    "fiesta", "playa", "skyline", "drive", "silver", "amber", "tormenta",
]

/// The workload; `sequential` makes every request wait for the one before.
func workload(_ client: SpotifyClient, catalog: DemoCatalog, sequential: Bool) async throws {
    let ids = catalog.entries.prefix(300).map(\.track.id)
    if sequential {
        _ = try await client.allTopTracks(upTo: 200)
        _ = try await client.recentlyPlayed(limit: 50)
        for query in queries { _ = try await client.search(query, limit: 10) }
        _ = try await client.reccoBeatsFeatures(ids)
    } else {
        async let top = client.allTopTracks(upTo: 200)
        async let recent = client.recentlyPlayed(limit: 50)
        async let searches = client.concurrentMap(queries) { try await client.search($0, limit: 10) }
        async let features = client.reccoBeatsFeatures(ids)
        _ = try await (top, recent, searches, features)
    }
    let playlist = try await client.createPlaylist(name: "Benchmark mix", isPublic: false)
    let append = await client.appendToPlaylist(playlist.id, uris: catalog.entries.dropFirst(300).prefix(120).map(\.track.uri), count: 0)
    if let failure = append.failure { throw failure }
}

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
let session = try await SpotifySession.embedded(options: SandboxOptions(latency: latency), logger: Logger(label: "bench"))
let sandbox = session.embedded!.server.state

var results: [(name: String, requests: Int, seconds: Double)] = []
for (name, sequential) in [("side by side", false), ("one after another", true)] {
    let client = SpotifyClient(endpoints: session.client.endpoints, tokens: session.client.tokens, concurrency: sequential ? 1 : 8)
    let before = await sandbox.apiRequestCount
    let started = ContinuousClock.now
    try await workload(client, catalog: sandbox.catalog, sequential: sequential)
    let elapsed = ContinuousClock.now - started
    let requests = await sandbox.apiRequestCount - before
    results.append((name, requests, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
}
session.embedded?.stop()

print("Spotify mix workload against the sandbox at \(latency) a request")
print("  top 200, recent 50, 30 searches, features for 300, a playlist with 120 tracks")
for result in results {
    print("  \(result.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(result.requests) requests  \(String(format: "%.2f", result.seconds)) s")
}
let ratio = results[0].seconds / results[1].seconds
print("  ratio \(String(format: "%.2f", ratio)) of the sequential time (target <= 0.25: \(ratio <= 0.25 ? "met" : "MISSED"))")
