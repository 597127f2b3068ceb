import Foundation
import SpotifyModels

/// Audio features and recommendations: ReccoBeats for every app, Spotify's own
/// endpoints for legacy apps that still have them.
extension SpotifyClient {
    /// A track ReccoBeats recommends, named by its Spotify id.
    public struct Recommendation: Sendable, Hashable {
        public var spotifyID: String
        public var title: String
        public var artists: [String]
        public var durationMs: Int
    }

    /// ReccoBeats takes at most 40 ids a call.
    public static let reccoBeatsBatch = 40

    /// Features from ReccoBeats for the tracks it knows, by Spotify id; batches of 40 run side by side.
    public func reccoBeatsFeatures(_ ids: [String]) async throws -> [String: AudioFeatures] {
        let batches = try await concurrentMap(ids.chunked(Self.reccoBeatsBatch).map(Array.init)) { batch in
            try await fetch(
                "audio-features", base: .reccoBeats, query: ["ids": batch.joined(separator: ",")],
                as: ReccoBeatsContent<ReccoBeatsFeatures>.self
            ).content
        }
        var features: [String: AudioFeatures] = [:]
        for item in batches.flatMap({ $0 }) {
            guard let id = Self.spotifyID(fromLink: item.href) else { continue }
            features[id] = item.features(spotifyID: id)
        }
        return features
    }

    /// Tracks like the seeds (1 to 5 Spotify ids), nudged toward `targets` such as `["energy": 0.8]`.
    public func reccoBeatsRecommendations(seeds: [String], size: Int = 20, targets: [String: Double] = [:]) async throws
        -> [Recommendation]
    {
        var query = ["seeds": seeds.prefix(5).joined(separator: ","), "size": "\(min(max(size, 1), 100))"]
        for (name, value) in targets { query[name] = "\(value)" }
        let answer = try await fetch("track/recommendation", base: .reccoBeats, query: query, as: ReccoBeatsContent<ReccoBeatsTrack>.self)
        return answer.content.compactMap { track in
            Self.spotifyID(fromLink: track.href).map {
                Recommendation(spotifyID: $0, title: track.trackTitle, artists: track.artists.map(\.name), durationMs: track.durationMs)
            }
        }
    }

    /// Spotify's own features (legacy apps only; 403 for apps made since late 2024), 100 ids a call.
    public func spotifyAudioFeatures(_ ids: [String]) async throws -> [String: AudioFeatures] {
        var features: [String: AudioFeatures] = [:]
        for chunk in ids.chunked(100) {
            let list = try await fetch("audio-features", query: ["ids": chunk.joined(separator: ",")], as: AudioFeaturesList.self)
            for item in list.audioFeatures.compactMap({ $0 }) { features[item.id] = item }
        }
        return features
    }

    /// Spotify's own recommendations (legacy apps only): up to five seed tracks or genres,
    /// `targets` such as `["energy": 0.8]` sent as `target_energy`.
    public func spotifyRecommendations(
        seedTracks: [String], seedGenres: [String] = [], targets: [String: Double] = [:], limit: Int = 20
    ) async throws -> [Track] {
        var query = ["limit": "\(min(max(limit, 1), 100))"]
        if !seedTracks.isEmpty { query["seed_tracks"] = seedTracks.prefix(5).joined(separator: ",") }
        if !seedGenres.isEmpty { query["seed_genres"] = seedGenres.prefix(5 - min(5, seedTracks.count)).joined(separator: ",") }
        for (name, value) in targets { query["target_\(name)"] = "\(value)" }
        return try await fetch("recommendations", query: query, as: RecommendationsResponse.self).tracks
    }

    /// `https://open.spotify.com/track/ID` → `ID`.
    static func spotifyID(fromLink link: String) -> String? {
        guard let url = URL(string: link), url.pathComponents.count >= 3, url.pathComponents[1] == "track" else { return nil }
        return url.pathComponents[2]
    }
}
