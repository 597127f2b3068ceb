import Curation
import Foundation
import ServerKit
import SpotifyAPI
import SpotifyModels

/// Makes mixes for the tools: a prompt read as a mood, a recommendation from the
/// listener's Spotify, and, when asked, a playlist that holds it, each track once, in
/// order, remembered in the history of mixes.
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
        let mood = prompt.map { MoodAnalyzer().analyze($0, at: spotify.clock.now()) } ?? .neutral
        var target = FeatureTarget(mood)
        if let valence = overrides.valence { target.valence = valence }
        if let energy = overrides.energy { target.energy = energy }
        if let danceability = overrides.danceability { target.danceability = danceability }
        if let tempo = overrides.tempo { target.tempo = tempo }
        let request = MixRequest(
            mood: mood, target: target, count: count, seedTrackIDs: seeds, energyArc: energyArc, searchesCatalog: !historyOnly)
        let recommender = await spotify.recommender(for: client)
        let recommendation = await recommender.recommend(request) { step in
            ToolProgress.report(Double(step.rawValue - 1), of: Double(Recommender.Step.allCases.count + 1), step.summary)
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
        await record(
            prompt: prompt, target: recommendation.target, playlist: playlist, added: append.added,
            tracks: recommendation.picks.map(\.track))
        return Publication(playlist: playlist, append: append)
    }

    /// Remembers a playlist made for a moment in the history of mixes, so later mixes
    /// bring something new. A history that cannot be written costs only a log line.
    func record(prompt: String, target: FeatureTarget, playlist: Playlist, added: [String], tracks: [Track]) async {
        guard let history = spotify.history else { return }
        let byURI = Dictionary(tracks.map { ($0.uri, $0) }, uniquingKeysWith: { first, _ in first })
        let stored = StoredMix(
            prompt: prompt, createdAt: Date(), target: target, playlistID: playlist.id, playlistURL: URL(string: playlist.url),
            tracks: added.map { uri in
                let track = byURI[uri]
                return StoredMix.Track(
                    id: TrackReference.id(fromURI: uri), uri: uri, name: track?.name ?? "", artistNames: track?.artists.map(\.name) ?? [])
            })
        do {
            _ = try await history.record(stored)
        } catch {
            spotify.logger.warning("Could not record the mix in the history", metadata: ["error": "\(error)"])
        }
    }

    /// The target a prompt asks for, read at this moment.
    func target(for prompt: String) -> FeatureTarget {
        FeatureTarget(MoodAnalyzer().analyze(prompt, at: spotify.clock.now()))
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
