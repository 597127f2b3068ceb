import Foundation
import Logging
import MCP
import ServerKit
import Testing

@testable import SpotifyServer

/// The `mood_playlist` prompt, the history of mixes as resources, and playlist names.
@Suite(.serialized) struct PromptAndMixesTests {
    @Test func thePromptFillsInTheMomentAndRefusesABadLength() async throws {
        let prompt = MoodPlaylistPrompt.definition()
        let filled = try await prompt.render(["mood": "rainy Sunday", "length": "12"])
        guard case .text(let text) = filled.messages.first?.content else {
            Issue.record("expected a text message")
            return
        }
        #expect(text.contains("“rainy Sunday”") && text.contains("limit 12"))
        await #expect(throws: ToolFailure.self) { _ = try await prompt.render(["mood": "x", "length": "many"]) }
        await #expect(throws: ToolFailure.self) { _ = try await prompt.render(["mood": "x", "length": "500"]) }
    }

    @Test func mixesAreListedAndReadOneByOne() async throws {
        try await SpotifyToolsTests.withServer { service in
            let mix = try await SpotifyToolsTests.call(service, "get_recommendations", ["mood": "happy", "limit": 5])
            let ids = try #require(mix["tracks"]?.arrayValue).compactMap { $0["id"] }
            _ = try await SpotifyToolsTests.call(
                service, "create_playlist_with_tracks", ["name": "Happy", "track_ids": .array(ids), "mood": "happy"])
            let resources = try #require(try await service.resources?.list())
            #expect(resources.map(\.uri).first == PastMixes.listURI)
            let one = try #require(resources.last?.uri)
            let read = try #require(try await service.resources?.read(one).first?.text)
            #expect(read.contains("\"prompt\" : \"happy\"") && read.contains("\"tracks\""))
            await #expect(throws: ResourceNotFound.self) { _ = try await service.resources?.read("setlist://mixes/999") }
            await #expect(throws: ResourceNotFound.self) { _ = try await service.resources?.read("setlist://other") }
        }
    }

    @Test func playlistNamesComeFromThePrompt() {
        #expect(MixBuilder.name(for: "  rainy Sunday  ") == "Setlist · rainy Sunday")
        #expect(MixBuilder.name(for: "") == "Setlist mix")
        #expect(MixBuilder.name(for: String(repeating: "a", count: 300)).count <= 100)
    }
}
