import Foundation
import MCP
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Host

@Suite struct MixFilesTests {
    let files = MixFiles(
        name: "Setlist · rain & <coffee>", prompt: "rain & <coffee>", mood: ["valence": 0.4],
        recommendations: [
            "target": ["valence": 0.4, "energy": 0.25],
            "tracks": [
                ["id": "a1", "name": "Lluvia | fría", "artists": ["Los Faroles"], "fit": 0.9,
                 "features": ["valence": 0.35, "energy": 0.2, "source": "ReccoBeats' audio analysis", "estimated": false]],
                ["id": "b2", "name": "Café", "artists": ["Nube"], "fit": 0.6,
                 "features": ["valence": 0.55, "energy": 0.3, "source": "estimated from its genre (jazz)", "estimated": true]],
            ],
        ],
        explanation: ["text": "Because it rains."])

    @Test func theSVGIsWellFormedXMLWithEveryTrack() {
        let parser = XMLParser(data: Data(files.svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(files.svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(files.svg.contains("rain &amp; &lt;coffee&gt;"))
    }

    @Test func thePlaylistFilesListTheTracksInOrder() throws {
        #expect(files.m3u8.hasPrefix("#EXTM3U\n"))
        #expect(files.m3u8.contains("#EXTINF:-1,Los Faroles - Lluvia | fría\nspotify:track:a1\n"))
        let json = try JSONSerialization.jsonObject(with: Data(files.json.utf8)) as? [String: Any]
        let tracks = json?["tracks"] as? [[String: Any]]
        #expect(tracks?.compactMap { $0["id"] as? String } == ["a1", "b2"])
        #expect(files.readme.contains("| 1 | Lluvia \\| fría | Los Faroles |"))
        #expect(files.readme.contains("| estimated |"))
        #expect(files.readme.contains("Because it rains."))
    }

    @Test func foldersAreNamedFromThePrompt() {
        #expect(MixFiles.slug("Rainy Sunday, slow coffee!") == "rainy-sunday-slow-coffee")
        #expect(MixFiles.slug("música para entrenar fuerte 💪") == "musica-para-entrenar-fuerte")
        #expect(MixFiles.slug("💪💪") == "mix")
    }
}
