import ArgumentParser
import Foundation
import SpotifyAPI
import SpotifySandbox

struct Sandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The local stand-in for Spotify: a demo catalog and listener.",
        subcommands: [Catalog.self]
    )

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
