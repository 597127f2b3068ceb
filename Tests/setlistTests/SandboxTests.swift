import Foundation
import SpotifyAPI
import SpotifyModels
import SpotifySandbox
import Testing

@testable import setlist

@Suite struct SandboxTests {
    /// Every key of `setlist sandbox catalog --json`, however deep, with where it is.
    static func keys(of value: Any, at path: String = "") -> [(path: String, key: String)] {
        switch value {
        case let object as [String: Any]:
            object.flatMap { key, inner in [(path, key)] + keys(of: inner, at: path + "." + key) }
        case let array as [Any]:
            array.prefix(3).flatMap { keys(of: $0, at: path + "[]") }
        default: []
        }
    }

    @Test func catalogJSONKeysReadAsWords() throws {
        let json = try SpotifyJSON.encoder().encode(CatalogExport(DemoCatalog(seed: 2026)))
        let keys = Self.keys(of: try JSONSerialization.jsonObject(with: json))
        // Snake-casing an acronym splits it into letters: `topTrackIDs` became `top_track_i_ds`.
        let mangled = keys.filter { $0.key.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]{2,})*/) == nil }
        #expect(mangled.isEmpty, "\(mangled.map { "\($0.path).\($0.key)" })")
        let listener = Set(keys.filter { $0.path == ".listener" }.map(\.key))
        #expect(listener == ["profile", "favourite_genres", "top_track_ids", "top_artist_ids", "recently_played", "saved"])
    }

    @Test func faultsAreReadAsTheOptionIsParsed() throws {
        let parsed = try Setlist.parseAsRoot(["sandbox", "run", "--faults", "500:0.2,429:0.1,lost:0.1"])
        let run = try #require(parsed as? Sandbox.Run)
        #expect(run.faults.faults.map(\.kind) == [.status(500), .status(429), .lost])
        do {
            _ = try Setlist.parseAsRoot(["sandbox", "run", "--faults", "lost"])
            Issue.record("a plan without probabilities was accepted")
        } catch {
            #expect(Setlist.message(for: error).contains("KIND:PROBABILITY"))
        }
    }

    @Test func aSandboxAddressIsCheckedAsItIsParsed() throws {
        for bad in ["127.0.0.1:8899", "ftp://127.0.0.1", "not a url"] {
            #expect(throws: (any Error).self) { try Setlist.parseAsRoot(["serve", "spotify", "--sandbox", bad]) }
            #expect(throws: (any Error).self) { try Setlist.parseAsRoot(["sandbox", "token", "--url", bad]) }
        }
        #expect(throws: Never.self) { try Setlist.parseAsRoot(["serve", "spotify", "--sandbox", "http://127.0.0.1:8899"]) }
    }
}
