import SpotifyModels

/// Calls that take many requests: paging through long lists, and independent requests
/// run a few at a time.
extension SpotifyClient {
    /// Runs `body` for each element with at most ``concurrency`` in flight; results keep their order.
    public func concurrentMap<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ body: @escaping @Sendable (Element) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: elements.count)
            var next = 0
            for _ in 0..<Swift.min(concurrency, elements.count) {
                let index = next
                group.addTask { (index, try await body(elements[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < elements.count {
                    let index = next
                    group.addTask { (index, try await body(elements[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    /// Up to `count` of the user's top tracks, pages of 50 fetched side by side.
    public func allTopTracks(_ range: TimeRange = .mediumTerm, upTo count: Int) async throws -> [Track] {
        let first = try await topTracks(range, limit: Swift.min(Self.historyPageLimit, count))
        let wanted = Swift.min(count, first.total)
        let offsets = Array(stride(from: first.items.count, to: wanted, by: Self.historyPageLimit))
        let rest = try await concurrentMap(offsets) { offset in
            try await topTracks(range, limit: Swift.min(Self.historyPageLimit, wanted - offset), offset: offset).items
        }
        return Array((first.items + rest.flatMap { $0 }).prefix(wanted))
    }

    /// Up to `count` saved tracks, pages of 50 fetched side by side.
    public func allSavedTracks(upTo count: Int) async throws -> [SavedTrack] {
        let first = try await savedTracks(limit: Swift.min(Self.historyPageLimit, count))
        let wanted = Swift.min(count, first.total)
        let offsets = Array(stride(from: first.items.count, to: wanted, by: Self.historyPageLimit))
        let rest = try await concurrentMap(offsets) { offset in
            try await savedTracks(limit: Swift.min(Self.historyPageLimit, wanted - offset), offset: offset).items
        }
        return Array((first.items + rest.flatMap { $0 }).prefix(wanted))
    }

    /// Up to `count` tracks for a search, in pages of 10 (the 2026 limit), no deeper than offset 1000.
    public func searchTracks(_ query: String, upTo count: Int, market: String? = nil) async throws -> [Track] {
        let first = try await search(query, market: market, limit: Self.searchPageLimit).tracks
        let wanted = Swift.min(count, first?.total ?? 0, Self.searchOffsetLimit + Self.searchPageLimit)
        let offsets = Array(stride(from: first?.items.count ?? 0, to: wanted, by: Self.searchPageLimit))
        let rest = try await concurrentMap(offsets) { offset in
            try await search(query, market: market, limit: Self.searchPageLimit, offset: offset).tracks?.items ?? []
        }
        return Array(((first?.items ?? []) + rest.flatMap { $0 }).prefix(wanted))
    }
}
