import Foundation
import SpotifyModels
import Testing

@testable import SpotifyAPI
@testable import SpotifySandbox

@Suite struct DemoCatalogTests {
    static let catalog = DemoCatalog()

    @Test func isLargeEnoughToBuildMixesFrom() {
        #expect(Self.catalog.entries.count >= 3000)
        #expect(Self.catalog.artists.count >= 300)
        #expect(Set(Self.catalog.entries.map(\.genre)).count >= 20)
    }

    @Test func isTheSameForTheSameSeedAndDiffersForAnother() throws {
        let again = DemoCatalog()
        #expect(again.entries == Self.catalog.entries)
        #expect(again.listener.topTrackIDs == Self.catalog.listener.topTrackIDs)
        #expect(DemoCatalog(seed: 7).entries.first?.track.id != Self.catalog.entries.first?.track.id)
    }

    @Test func hasUniqueIDsURIsAndISRCs() {
        let tracks = Self.catalog.entries.map(\.track)
        #expect(Set(tracks.map(\.id)).count == tracks.count)
        #expect(tracks.allSatisfy { $0.uri == "spotify:track:\($0.id)" && $0.id.count == 22 })
        let isrcs = tracks.compactMap(\.externalIds?.isrc)
        #expect(isrcs.count == tracks.count)
        #expect(Set(isrcs).count == isrcs.count)
        #expect(isrcs.allSatisfy { $0.wholeMatch(of: /ZZSBX\d{7}/) != nil })
    }

    @Test func namesSaySandboxAndSpeakEnglishAndSpanish() {
        #expect(Self.catalog.artists.allSatisfy { $0.name.hasSuffix("(sandbox)") })
        let names = Self.catalog.artists.map(\.name)
        #expect(names.contains { $0.hasPrefix("Los ") || $0.hasPrefix("Las ") || $0.hasPrefix("La ") })
        #expect(names.contains { $0.hasPrefix("The ") })
    }

    @Test func featuresStayOnSpotifysScales() {
        for features in Self.catalog.entries.map(\.features) {
            for unit in [features.danceability, features.energy, features.valence, features.acousticness,
                         features.instrumentalness, features.liveness, features.speechiness] {
                #expect((0...1).contains(unit))
            }
            #expect(features.tempo >= 50 && features.loudness <= 0)
        }
    }

    @Test func genreAndFeaturesAgree() {
        func mean(_ genre: String, _ feature: KeyPath<AudioFeatures, Double>) -> Double {
            let values = Self.catalog.entries.filter { $0.genre == genre }.map { $0.features[keyPath: feature] }
            return values.reduce(0, +) / Double(values.count)
        }
        #expect(mean("metal", \.energy) > mean("ambient", \.energy) + 0.5)
        #expect(mean("classical", \.acousticness) > mean("techno", \.acousticness) + 0.5)
        #expect(mean("salsa", \.valence) > mean("bolero", \.valence) + 0.3)
        #expect(abs(mean("drum and bass", \.tempo) - 174) < 3)
        #expect(mean("hip hop", \.speechiness) > mean("classical", \.speechiness))
    }

    @Test func theListenerMostlyPlaysItsFavouriteGenres() throws {
        let listener = Self.catalog.listener
        #expect(listener.topTrackIDs.count >= 200)
        #expect(listener.recentlyPlayed.count == 50)
        #expect(listener.saved.count >= 200)
        let genres = try listener.topTrackIDs.map { try #require(Self.catalog.entry(id: $0)).genre }
        let favourite = genres.filter { listener.favouriteGenres.contains($0) }.count
        #expect(Double(favourite) / Double(genres.count) >= 0.7)
        #expect(listener.profile.product == "premium")
    }
}
