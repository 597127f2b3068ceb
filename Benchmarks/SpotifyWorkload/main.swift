import Foundation
import Logging
import SpotifyAPI
import SpotifySandbox

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
    try await client.addAllToPlaylist(playlist.id, uris: catalog.entries.dropFirst(300).prefix(120).map(\.track.uri))
}

/// Logs the demo listener in: the sandbox's authorize step answers with the code at once.
func login(_ state: SandboxState, accounts: AccountsClient) async throws -> UserTokens.Snapshot {
    let pkce = PKCE()
    let redirect = "http://127.0.0.1:8888/callback"
    let authorize = accounts.authorizeURL(redirectURI: redirect, scopes: SpotifyConfiguration.scopes, state: "bench", pkce: pkce)
    let query = Dictionary(
        (URLComponents(url: authorize, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { ($0.name, $0.value ?? "") },
        uniquingKeysWith: { first, _ in first })
    let location = await state.authorize(query).headers["Location"] ?? ""
    let code = URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
    let tokens = try await accounts.exchange(code: code, redirectURI: redirect, pkce: pkce)
    return UserTokens.Snapshot(
        accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? "", expiresAt: Date().addingTimeInterval(3600),
        scopes: SpotifyConfiguration.scopes)
}

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
let server = SpotifySandboxServer(options: SandboxOptions(latency: latency))
let (base, task) = try await server.start(logger: Logger(label: "bench"))
let endpoints = SpotifyEndpoints.sandbox(base)
let accounts = AccountsClient(endpoints: endpoints, clientID: SandboxState.app.clientID)
let snapshot = try await login(server.state, accounts: accounts)

var results: [(name: String, requests: Int, seconds: Double)] = []
for (name, sequential) in [("side by side", false), ("one after another", true)] {
    let client = SpotifyClient(
        endpoints: endpoints, tokens: UserTokens(accounts: accounts, snapshot: snapshot), concurrency: sequential ? 1 : 8)
    let before = await server.state.apiRequestCount
    let started = ContinuousClock.now
    try await workload(client, catalog: server.state.catalog, sequential: sequential)
    let elapsed = ContinuousClock.now - started
    let requests = await server.state.apiRequestCount - before
    results.append((name, requests, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
}
task.cancel()

print("Spotify mix workload against the sandbox at \(latency) a request")
print("  top 200, recent 50, 30 searches, features for 300, a playlist with 120 tracks")
for result in results {
    print("  \(result.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(result.requests) requests  \(String(format: "%.2f", result.seconds)) s")
}
let ratio = results[0].seconds / results[1].seconds
print("  ratio \(String(format: "%.2f", ratio)) of the sequential time (target <= 0.25: \(ratio <= 0.25 ? "met" : "MISSED"))")
