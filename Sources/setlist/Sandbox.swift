import ArgumentParser
import Foundation
import SpotifyAPI
import SpotifyModels
import SpotifySandbox

struct Sandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The local stand-in for Spotify: Web API, accounts service, ReccoBeats, demo catalog.",
        subcommands: [Run.self, Catalog.self, Token.self],
        defaultSubcommand: Run.self
    )

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Serve the sandbox over HTTP (the default).",
            discussion: """
                Point a client at it: API http://HOST:PORT/v1, accounts http://HOST:PORT, \
                ReccoBeats http://HOST:PORT/reccobeats/v1. The app is sandbox-client / sandbox-secret; \
                /authorize logs in the demo listener (or ?sandbox_user=sandbox-bot|sandbox-free|sandbox-stranger).
                """
        )

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8899

        @Flag(help: "Act as a legacy app that kept recommendations, audio features and batch lookups.")
        var legacy = false

        @Option(name: .customLong("latency-ms"), help: "Milliseconds added to every answer.")
        var latencyMilliseconds = 0

        @Option(
            help: "Random faults on Web API calls, such as 429:0.05,500:0.02,lost:0.1 (quota: a spent quota; lost: the call is carried out and its answer lost).",
            transform: { text in
                do { return try FaultPlan(parsing: text) } catch { throw ValidationError("\(error)") }
            })
        var faults = FaultPlan()

        @Option(help: "The seed of the catalog and the faults.")
        var seed: UInt64 = 2026

        func run() async throws {
            let logger = LogSetup.standardError(label: "setlist.sandbox")
            let options = SandboxOptions(
                mode: legacy ? .legacy : .restricted2026, latency: .milliseconds(latencyMilliseconds), faults: faults, seed: seed)
            try await SpotifySandboxServer(options: options).run(host: host, port: port, logger: logger) { [host] port in
                logger.info("Spotify sandbox on http://\(host):\(port) (API /v1, accounts /authorize and /api/token, ReccoBeats /reccobeats/v1)")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an access token for a user of a running sandbox, to read it with curl.",
            discussion: "curl -H \"Authorization: Bearer $(setlist sandbox token --url http://127.0.0.1:8899)\" http://127.0.0.1:8899/v1/me/playlists"
        )

        @Option(help: "The sandbox's address.", transform: SandboxAddress.url)
        var url: URL

        @Option(help: "The sandbox user: \(SandboxUsers.all.joined(separator: ", ")).")
        var user = SandboxUsers.listener

        func run() async throws {
            let accounts = AccountsClient(endpoints: .sandbox(url), clientID: SandboxState.app.clientID)
            print(try await accounts.sandboxLogin(user: user).accessToken)
        }
    }

    struct Catalog: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the demo catalog: genres, artists, tracks with their audio features, and the demo listener."
        )

        @Flag(help: "Print the whole catalog as JSON instead of a summary.")
        var json = false

        @Option(help: "The seed the catalog is generated from; the same seed gives the same catalog.")
        var seed: UInt64 = 2026

        func run() throws {
            let catalog = DemoCatalog(seed: seed)
            if json {
                let export = CatalogExport(catalog)
                FileHandle.standardOutput.write(try SpotifyJSON.encoder().encode(export))
                FileHandle.standardOutput.write(Data("\n".utf8))
                return
            }
            print("Sandbox catalog (seed \(seed)): \(catalog.entries.count) tracks, \(catalog.artists.count) artists, \(catalog.genres.count) genres")
            for genre in catalog.genres {
                let tracks = catalog.entries.filter { $0.genre == genre.name }
                let energy = tracks.map(\.features.energy).reduce(0, +) / Double(max(1, tracks.count))
                let example = tracks.first.map { "\($0.track.name) — \($0.track.artists[0].name)" } ?? ""
                let name = genre.name.padding(toLength: 14, withPad: " ", startingAt: 0)
                print("  \(name) \(tracks.count) tracks  energy \(String(format: "%.2f", energy))  e.g. \(example)")
            }
            let listener = catalog.listener
            print("Demo listener \(listener.profile.displayName ?? listener.profile.id): \(listener.topTrackIDs.count) top tracks, \(listener.recentlyPlayed.count) recent plays, \(listener.saved.count) saved; favourite genres: \(listener.favouriteGenres.joined(separator: ", "))")
        }
    }
}

/// The catalog as `setlist sandbox catalog --json` prints it.
struct CatalogExport: Encodable {
    let seed: UInt64
    let genres: [GenreProfile]
    let artists: [Artist]
    let tracks: [DemoCatalog.Entry]
    let listener: DemoCatalog.Listener

    init(_ catalog: DemoCatalog) {
        seed = catalog.seed
        genres = catalog.genres
        artists = catalog.artists
        tracks = catalog.entries
        listener = catalog.listener
    }
}
