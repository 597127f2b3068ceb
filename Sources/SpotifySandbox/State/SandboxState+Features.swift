import Foundation
import SpotifyModels

/// Audio features and recommendations: Spotify's legacy endpoints and the
/// ReccoBeats-compatible service, both from the demo catalog.
extension SandboxState {
    /// `GET /v1/audio-features?ids=` (legacy apps, up to 100).
    func audioFeatures(_ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        try requireLegacy()
        let ids = try query.ids("ids", maximum: 100)
        return .json(AudioFeaturesList(audioFeatures: ids.map { catalog.entry(id: $0)?.features }))
    }

    /// `GET /v1/recommendations` (legacy apps): up to 5 seeds, `target_*` features.
    func recommendations(_ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        try requireLegacy()
        let seeds = (query.values["seed_tracks"] ?? "").split(separator: ",").map(String.init)
        let genres = (query.values["seed_genres"] ?? "").split(separator: ",").map(String.init)
        guard !(seeds.isEmpty && genres.isEmpty), seeds.count + genres.count <= 5 else {
            throw SandboxFailure(.error(400, "Give 1 to 5 seeds"))
        }
        let limit = try query.limit(default: 20, maximum: 100)
        let targets = Self.targets(from: query.values, prefix: "target_")
        let picks = recommend(seedIDs: seeds, genres: genres, targets: targets, count: limit)
        return .json(RecommendationsResponse(tracks: picks.map { view($0.track) }))
    }

    // MARK: - ReccoBeats

    /// `GET /audio-features?ids=` of ReccoBeats: features for known Spotify ids, up to 40;
    /// each item names its track by `href`, as ReccoBeats does.
    func reccoFeatures(_ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let ids = try query.ids("ids", maximum: 40)
        let items = ids.compactMap { catalog.entry(id: $0)?.features }.map {
            ReccoBeatsFeatures(id: "rb-\($0.id)", href: "https://open.spotify.com/track/\($0.id)", features: $0)
        }
        return .json(ReccoBeatsContent(content: items))
    }

    /// `GET /track/recommendation?seeds=&size=&<feature>=` of ReccoBeats.
    func reccoRecommendations(_ query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        let seeds = try query.ids("seeds", maximum: 5)
        guard let size = Int(query.values["size"] ?? "10"), (1...100).contains(size) else {
            throw SandboxFailure(.error(400, "size must be 1 to 100"))
        }
        let picks = recommend(seedIDs: seeds, genres: [], targets: Self.targets(from: query.values, prefix: ""), count: size)
        return .json(
            ReccoBeatsContent(
                content: picks.map {
                    ReccoBeatsTrack(
                        id: "rb-\($0.track.id)", trackTitle: $0.track.name, artists: $0.track.artists.map { .init(name: $0.name) },
                        durationMs: $0.track.durationMs, href: "https://open.spotify.com/track/\($0.track.id)")
                }))
    }

    // MARK: - Nearest neighbours

    static let featureNames = ["danceability", "energy", "valence", "acousticness", "instrumentalness", "speechiness", "tempo"]

    static func targets(from values: [String: String], prefix: String) -> [String: Double] {
        var targets: [String: Double] = [:]
        for name in featureNames {
            if let text = values[prefix + name], let value = Double(text) { targets[name] = value }
        }
        return targets
    }

    /// The tracks closest to the targets (or to the seeds' average sound), seeds and
    /// their artists left out so a mix does not repeat what it started from.
    func recommend(seedIDs: [String], genres: [String], targets: [String: Double], count: Int) -> [DemoCatalog.Entry] {
        let seeds = seedIDs.compactMap { catalog.entry(id: $0) }
        var goal = targets
        for name in Self.featureNames where goal[name] == nil && !seeds.isEmpty {
            goal[name] = seeds.map { Self.value(name, of: $0.features) }.reduce(0, +) / Double(seeds.count)
        }
        let seedArtists = Set(seeds.compactMap { $0.track.artists.first?.id })
        let candidates = catalog.entries.filter { entry in
            !seedIDs.contains(entry.track.id) && !seedArtists.contains(entry.track.artists.first?.id ?? "")
                && (genres.isEmpty || genres.contains(entry.genre))
        }
        func distance(_ entry: DemoCatalog.Entry) -> Double {
            goal.reduce(0) { sum, target in
                let scale = target.key == "tempo" ? 100.0 : 1.0
                let difference = (Self.value(target.key, of: entry.features) - target.value) / scale
                return sum + difference * difference
            }
        }
        return candidates.map { ($0, distance($0)) }.sorted { ($0.1, $0.0.track.id) < ($1.1, $1.0.track.id) }
            .prefix(count).map(\.0)
    }

    static func value(_ name: String, of features: AudioFeatures) -> Double {
        switch name {
        case "danceability": features.danceability
        case "energy": features.energy
        case "valence": features.valence
        case "acousticness": features.acousticness
        case "instrumentalness": features.instrumentalness
        case "speechiness": features.speechiness
        default: features.tempo
        }
    }
}
