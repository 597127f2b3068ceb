import Curation
import Foundation
import Logging
import SpotifyAPI
import SpotifyModels
import SpotifySandbox
import Testing

@testable import SpotifyServer

/// The recommender on the sandbox catalog, judged by the catalog's own features: for
/// every dev prompt with a judged quadrant, the tracks of a 20-track mix lie in it.
@Suite(.serialized) struct RecommendationQualityTests {
    struct JudgedPrompt: Decodable {
        var prompt: String
        var valence: String
        var energy: String
    }

    /// The project's dev set, from where CurationTests' DevSetTests reads it: `SETLIST_EVAL_DIR`,
    /// else the copy beside those tests.
    static func devSet() throws -> [JudgedPrompt] {
        let copy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("CurationTests/Mood/Fixtures/moods-dev.jsonl").path
        let path = ProcessInfo.processInfo.environment["SETLIST_EVAL_DIR"].map { $0 + "/moods-dev.jsonl" } ?? copy
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).map { try JSONDecoder().decode(JudgedPrompt.self, from: Data($0.utf8)) }
    }

    /// The share of tracks whose catalog features lie on the judged side of each judged scale.
    static func quadrantShare(_ picks: [Recommendation.Pick], _ judged: JudgedPrompt, catalog: DemoCatalog) -> Double {
        let inQuadrant = picks.filter { pick in
            guard let features = catalog.entry(id: pick.track.id)?.features else { return false }
            return side(features.valence, judged.valence) && side(features.energy, judged.energy)
        }
        return Double(inQuadrant.count) / Double(max(1, picks.count))
    }

    static func side(_ value: Double, _ judged: String) -> Bool {
        switch judged {
        case "high": value > 0.5
        case "low": value < 0.5
        default: true
        }
    }

    func run(withReccoBeats: Bool) async throws -> [(prompt: String, share: Double)] {
        let session = try await SpotifySession.embedded(logger: Logger(label: "test"))
        defer { session.embedded?.stop() }
        let sandbox = try #require(session.embedded).server.state
        let client = session.client
        let recommender = Recommender(
            catalog: SpotifyCatalog(client: client),
            features: FeatureChain(sources: withReccoBeats ? [ReccoBeatsFeatureSource(client: client)] : []),
            trackRecommender: withReccoBeats ? ReccoBeatsRecommender(client: client) : nil)
        let analyzer = MoodAnalyzer()
        var shares: [(String, Double)] = []
        for judged in try Self.devSet() where judged.valence != "any" || judged.energy != "any" {
            let mix = await recommender.recommend(MixRequest(mood: analyzer.analyze(judged.prompt), count: 20))
            #expect(mix.picks.count == 20, "\(judged.prompt): \(mix.notes)")
            let ids = mix.picks.map(\.track.id)
            #expect(Set(ids).count == ids.count, "no track twice: \(judged.prompt)")
            let artists = Dictionary(grouping: mix.picks, by: { $0.track.artists.first?.name ?? "" })
            #expect(artists.values.allSatisfy { $0.count <= 2 }, "at most 2 tracks an artist: \(judged.prompt)")
            for pick in mix.picks {
                #expect(sandbox.catalog.entry(id: pick.track.id) != nil, "\(pick.track.uri) is in the catalog")
            }
            shares.append((judged.prompt, Self.quadrantShare(mix.picks, judged, catalog: sandbox.catalog)))
        }
        return shares
    }

    @Test func mixesLieInTheJudgedQuadrant() async throws {
        let shares = try await run(withReccoBeats: true)
        for (prompt, share) in shares { print("quadrant \(Int(share * 100))%  \(prompt)") }
        let weak = shares.filter { $0.share < 0.8 }
        #expect(weak.isEmpty, "below 80% in the judged quadrant: \(weak)")
    }

    @Test func withoutReccoBeatsPriorsStillMostlyFit() async throws {
        let shares = try await run(withReccoBeats: false)
        for (prompt, share) in shares { print("priors only: quadrant \(Int(share * 100))%  \(prompt)") }
        let weak = shares.filter { $0.share < 0.6 }
        #expect(weak.isEmpty, "below 60% in the judged quadrant with priors only: \(weak)")
    }
}

