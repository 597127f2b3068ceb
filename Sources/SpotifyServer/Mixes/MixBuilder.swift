import Curation
import Foundation
import ServerKit
import SpotifyAPI
import SpotifyModels

/// Makes mixes for the tools and `setlist mix`: a prompt read as a mood, a
/// recommendation from the listener's Spotify, and, when asked, a playlist that holds
/// it, each track once, in order.
struct MixBuilder: Sendable {
    let spotify: SpotifyContext

    /// What the caller fixed beyond the prompt.
    struct Overrides: Sendable {
        var valence: Double?
        var energy: Double?
        var danceability: Double?
        var tempo: Double?
    }

    func recommend(
        prompt: String?, overrides: Overrides = Overrides(), count: Int, seeds: [String] = [], energyArc: Bool = false,
        historyOnly: Bool = false, client: SpotifyClient
    ) async -> (mood: Mood, recommendation: Recommendation) {
        let mood = prompt.map { MoodAnalyzer().analyze($0) } ?? .neutral
        var target = FeatureTarget(mood)
        if let valence = overrides.valence { target.valence = valence }
        if let energy = overrides.energy { target.energy = energy }
        if let danceability = overrides.danceability { target.danceability = danceability }
        if let tempo = overrides.tempo { target.tempo = tempo }
        let request = MixRequest(
            mood: mood, target: target, count: count, seedTrackIDs: seeds, energyArc: energyArc, searchesCatalog: !historyOnly)
        let recommender = await spotify.recommender(for: client)
        let recommendation = await recommender.recommend(request) { step in
            ToolProgress.report(Double(step.rawValue), of: Double(Recommender.Step.allCases.count + 1), step.summary)
        }
        return (mood, recommendation)
    }

    /// A playlist holding the recommendation, recorded in the history of mixes.
    func publish(
        _ recommendation: Recommendation, prompt: String, name: String?, isPublic: Bool, client: SpotifyClient
    ) async throws -> Publication {
        let playlist = try await client.createPlaylistOnce(
            name: name ?? Self.name(for: prompt), isPublic: isPublic, description: Self.description(for: prompt, recommendation))
        let uris = recommendation.picks.map(\.track.uri)
        ToolProgress.report(Double(Recommender.Step.allCases.count), of: Double(Recommender.Step.allCases.count + 1), "Adding tracks")
        let append = await client.appendToPlaylist(playlist.id, uris: uris, count: 0)
        if let history = spotify.history {
            let added = Set(append.added)
            let stored = StoredMix(
                prompt: prompt, createdAt: Date(), target: recommendation.target, playlistID: playlist.id,
                playlistURL: URL(string: playlist.url),
                tracks: recommendation.picks.filter { added.contains($0.track.uri) }.map { pick in
                    StoredMix.Track(id: pick.track.id, uri: pick.track.uri, name: pick.track.name, artistNames: pick.track.artists.map(\.name))
                })
            do {
                _ = try history.record(stored)
            } catch {
                spotify.logger.warning("Could not record the mix in the history", metadata: ["error": "\(error)"])
            }
        }
        return Publication(playlist: playlist, append: append)
    }

    struct Publication: Sendable {
        let playlist: Playlist
        let append: SpotifyClient.PlaylistAppend
    }

    /// "Setlist · rainy Sunday, slow coffee", within Spotify's 100 characters.
    static func name(for prompt: String) -> String {
        let words = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let clipped = words.count > 80 ? String(words.prefix(79)) + "…" : words
        return clipped.isEmpty ? "Setlist mix" : "Setlist · \(clipped)"
    }

    static func description(for prompt: String, _ recommendation: Recommendation) -> String {
        let target = recommendation.target
        return "Made by Setlist for “\(prompt.prefix(120))”: valence \(String(format: "%.2f", target.valence)), energy \(String(format: "%.2f", target.energy))."
    }
}

extension Recommender.Step {
    var summary: String {
        switch self {
        case .gathering: "Gathering candidates"
        case .analysing: "Reading how they sound"
        case .choosing: "Choosing and ordering"
        }
    }
}
