import SpotifyModels

/// Playlist changes that survive a lost answer.
///
/// The client never sends a change twice on its own (``RetryStateMachine``): when
/// Spotify's answer to one is lost, these read the playlist back to learn whether it
/// happened, and send it again only if it did not. So a playlist is made once, and
/// every track lands once, in order, or the result says exactly which did not.
extension SpotifyClient {
    /// What an append did: which tracks are in the playlist, which surely are not, and
    /// which may or may not be (their answer was lost and reading back failed too).
    public struct PlaylistAppend: Sendable, Equatable {
        /// Added, in order.
        public var added: [String] = []
        /// Sent, but whether they landed could not be learned.
        public var uncertain: [String] = []
        /// Not added: send these again to finish the job.
        public var remaining: [String] = []
        /// Why the append stopped early; `nil` when everything was added.
        public var failure: SpotifyError?
        /// The playlist's snapshot after the last confirmed change.
        public var snapshotID: String?

        public var isComplete: Bool { failure == nil }
    }

    /// The user's playlists (owned and followed), newest first, at most 50 a page.
    public func myPlaylists(limit: Int = 50, offset: Int = 0) async throws -> Paging<Playlist> {
        try await fetch("me/playlists", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    /// Creates a playlist exactly once: after a lost answer, the user's newest playlists
    /// are read back, and one with this name and description and no tracks yet is taken
    /// as the one just made.
    public func createPlaylistOnce(name: String, isPublic: Bool, description: String? = nil) async throws -> Playlist {
        var tries = 0
        while true {
            tries += 1
            do {
                return try await createPlaylist(name: name, isPublic: isPublic, description: description)
            } catch SpotifyError.unconfirmed(let message) {
                if let made = try await newestEmptyPlaylist(named: name, description: description) { return made }
                guard tries < retry.attempts else { throw SpotifyError.unconfirmed(message) }
                logger.notice("Creating a playlist again: the first try did not land", metadata: ["reason": "\(message)"])
            }
        }
    }

    private func newestEmptyPlaylist(named name: String, description: String?) async throws -> Playlist? {
        let owner = try await me().id
        return try await myPlaylists().items.first { playlist in
            playlist.owner.id == owner && playlist.name == name && (playlist.description ?? "") == (description ?? "")
                && (playlist.items?.total ?? 0) == 0
        }
    }

    /// Appends tracks in order, 100 a call, each call after the last.
    ///
    /// - Parameter count: how many entries the playlist has now, if known (0 for one
    ///   just made); otherwise it is read first, to know where new tracks must appear.
    ///   - onProgress: told how many tracks are in so far, and of how many.
    /// - Returns: what was added; never throws, so nothing added goes unreported.
    public func appendToPlaylist(
        _ id: String, uris: [String], count known: Int? = nil, onProgress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async -> PlaylistAppend {
        var result = PlaylistAppend()
        var count: Int
        do {
            if let known { count = known } else { count = try await playlistItems(id, limit: 1).total }
        } catch {
            result.remaining = uris
            result.failure = SpotifyError.wrapping(error)
            return result
        }
        let chunks = uris.chunked(Self.playlistAddLimit).map(Array.init)
        for (index, chunk) in chunks.enumerated() {
            switch await appendOnce(id, chunk, at: count) {
            case .added(let snapshot):
                result.added += chunk
                result.snapshotID = snapshot ?? result.snapshotID
                count += chunk.count
                onProgress(result.added.count, uris.count)
            case .notAdded(let error):
                result.remaining = chunks[index...].flatMap { $0 }
                result.failure = error
                return result
            case .unknown(let error):
                result.uncertain = chunk
                result.remaining = chunks[(index + 1)...].flatMap { $0 }
                result.failure = error
                return result
            }
        }
        return result
    }

    private enum ChunkOutcome {
        case added(snapshot: String?)
        case notAdded(SpotifyError)
        case unknown(SpotifyError)
    }

    /// Sends one chunk until it is known to be in the playlist at `position`, reading the
    /// playlist back after each answer that was lost.
    private func appendOnce(_ id: String, _ chunk: [String], at position: Int) async -> ChunkOutcome {
        var tries = 0
        while true {
            tries += 1
            let lost: SpotifyError
            do {
                return .added(snapshot: try await addToPlaylist(id, uris: chunk))
            } catch SpotifyError.unconfirmed(let message) {
                lost = .unconfirmed(message)
            } catch {
                return .notAdded(SpotifyError.wrapping(error))
            }
            let landed: Bool
            do {
                let page = try await playlistItems(id, limit: chunk.count, offset: position)
                guard page.total == position + chunk.count || page.total == position else {
                    return .unknown(.unconfirmed("the playlist changed while tracks were being added: it has \(page.total) entries, not \(position) or \(position + chunk.count)"))
                }
                landed = page.total == position + chunk.count && page.items.map { $0.item?.uri } == chunk
            } catch {
                return .unknown(lost)
            }
            if landed { return .added(snapshot: nil) }
            guard tries < retry.attempts else { return .notAdded(lost) }
            logger.notice("Adding tracks again: the first try did not land", metadata: ["playlist": "\(id)", "tracks": "\(chunk.count)"])
        }
    }
}

extension SpotifyError {
    /// Any error as a ``SpotifyError``, for results that carry one.
    static func wrapping(_ error: any Error) -> SpotifyError {
        error as? SpotifyError ?? .network("\(error)")
    }
}
