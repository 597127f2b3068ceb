import MCP
import ServerKit
import SpotifyAPI

/// `search_track`: Spotify's track search, in its 2026 pages of ten.
enum SearchTrack {
    struct Input: ToolInput {
        let query: String
        let market: String?
        let limit: Int

        static let schema = JSONSchema.object([
            "query": .string("What to look for: words, or fields such as artist:Name genre:jazz", minLength: 1),
            "market": .string("An ISO 3166 country code, such as ES").optional,
            "limit": .integer("How many tracks (searches beyond 10 take several pages)", minimum: 1, maximum: 50).defaulting(to: 10),
        ])
    }

    struct Output: ToolOutput {
        let tracks: [TrackSummary]
        static let outputSchema = JSONSchema.object(["tracks": .array(of: TrackSummary.schema)])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "search_track", title: "Search tracks",
            description: "Searches Spotify's catalog for tracks and returns id, name, artists, uri and preview_url for each.",
            annotations: Tool.Annotations(readOnlyHint: true, openWorldHint: true)
        ) { input in
            let client = try await spotify.current().client
            let tracks = try await client.searchTracks(input.query, upTo: input.limit, market: input.market)
            return Output(tracks: tracks.map(TrackSummary.init))
        }
    }
}
