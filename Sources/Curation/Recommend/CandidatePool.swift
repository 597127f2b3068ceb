import SpotifyModels

/// Candidates gathered from every source, one entry a track, with what each finder knew.
struct CandidatePool: Sendable {
    private(set) var candidates: [Candidate] = []
    private var positions: [String: Int] = [:]

    mutating func add(_ tracks: [Track], from origin: CandidateOrigin, genre: String? = nil, tags: [String] = []) {
        for track in tracks {
            add(Candidate(track: track, origins: [origin], genres: genre.map { [$0] } ?? [], tags: tags))
        }
    }

    mutating func add(_ candidate: Candidate) {
        if let position = positions[candidate.id] {
            candidates[position].merge(candidate)
        } else {
            positions[candidate.id] = candidates.count
            candidates.append(candidate)
        }
    }

    func contains(_ id: String) -> Bool { positions[id] != nil }
}

/// Fills a pool from a catalog: the listener's history, their top artists, searches,
/// and recommendations, side by side; a source that fails leaves a note, not a hole.
struct CandidateGathering: Sendable {
    let catalog: any MusicCatalog
    let recommender: (any TrackRecommender)?

    /// How much each history call asks for: one page.
    static let historyPage = 50
    /// Top artists whose latest album is looked into: each costs two requests.
    static let topArtists = 1

    private enum Found: Sendable {
        case tracks([Track], CandidateOrigin, genre: String?, tags: [String])
        case artists([String])
        case failed(String)
    }

    func gather(for request: MixRequest, plan: SearchPlan) async -> (pool: CandidatePool, notes: [String]) {
        var pool = CandidatePool()
        var notes: [String] = []
        var artistIDs: [String] = []
        let catalog = catalog
        // First round: everything that needs nothing else.
        let first = await withTaskGroup(of: Found.self) { group in
            for range in TimeRange.allCases {
                group.addTask {
                    await Self.attempt("your top tracks (\(range.rawValue))") {
                        .tracks(try await catalog.topTracks(range, limit: Self.historyPage), .topTracks(range), genre: nil, tags: [])
                    }
                }
            }
            group.addTask {
                await Self.attempt("your recently played tracks") {
                    .tracks(try await catalog.recentlyPlayed(limit: Self.historyPage), .recentlyPlayed, genre: nil, tags: [])
                }
            }
            group.addTask {
                await Self.attempt("your saved tracks") {
                    .tracks(try await catalog.savedTracks(limit: Self.historyPage), .saved, genre: nil, tags: [])
                }
            }
            group.addTask {
                await Self.attempt("your top artists") { .artists(try await catalog.topArtistIDs(limit: Self.topArtists)) }
            }
            if !request.seedTrackIDs.isEmpty {
                let ids = request.seedTrackIDs
                group.addTask {
                    await Self.attempt("the seed tracks") { .tracks(try await catalog.tracks(ids: ids), .seed, genre: nil, tags: []) }
                }
            }
            if request.searchesCatalog {
                for search in plan.searches {
                    group.addTask {
                        await Self.attempt("the search \(search.query)") {
                            .tracks(
                                try await catalog.searchTracks(search.query, limit: 10, offset: search.offset), .search(search.query),
                                genre: search.genre,
                                tags: search.tags)
                        }
                    }
                }
            }
            var results: [Found] = []
            for await found in group { results.append(found) }
            return results
        }
        for found in Self.ordered(first) {
            switch found {
            case .tracks(let tracks, let origin, let genre, let tags): pool.add(tracks, from: origin, genre: genre, tags: tags)
            case .artists(let ids): artistIDs = ids
            case .failed(let note): notes.append(note)
            }
        }
        // Second round: what needs the first: the top artists' tracks, and recommendations
        // seeded with the seeds or the listener's latest favourites.
        let seeds = request.seedTrackIDs.isEmpty
            ? Array(pool.candidates.filter { $0.origins.contains(.topTracks(.shortTerm)) }.prefix(5).map(\.id))
            : Array(request.seedTrackIDs.prefix(5))
        let recommender = recommender
        let second = await withTaskGroup(of: Found.self) { group in
            for artist in artistIDs {
                group.addTask {
                    await Self.attempt("a top artist's tracks") {
                        .tracks(try await catalog.tracks(byArtist: artist, limit: 20), .topArtist, genre: nil, tags: [])
                    }
                }
            }
            if let recommender, !seeds.isEmpty {
                let target = request.target
                group.addTask {
                    await Self.attempt("recommendations") {
                        .tracks(
                            try await recommender.recommendations(seedIDs: seeds, target: target, limit: 40), .recommendation,
                            genre: nil, tags: [])
                    }
                }
            }
            var results: [Found] = []
            for await found in group { results.append(found) }
            return results
        }
        for found in Self.ordered(second) {
            switch found {
            case .tracks(let tracks, let origin, let genre, let tags): pool.add(tracks, from: origin, genre: genre, tags: tags)
            case .artists: break
            case .failed(let note): notes.append(note)
            }
        }
        return (pool, notes)
    }

    private static func attempt(_ what: String, _ body: @Sendable () async throws -> Found) async -> Found {
        do {
            return try await body()
        } catch {
            return .failed("Could not read \(what): \(error)")
        }
    }

    /// Results in a fixed order, whatever order they arrived in, so the same answers
    /// always make the same mix.
    private static func ordered(_ results: [Found]) -> [Found] {
        results.sorted { Self.key($0) < Self.key($1) }
    }

    private static func key(_ found: Found) -> String {
        switch found {
        case .tracks(let tracks, let origin, _, _): "1 \(origin) \(tracks.first?.id ?? "")"
        case .artists(let ids): "0 \(ids.joined())"
        case .failed(let note): "2 \(note)"
        }
    }
}
