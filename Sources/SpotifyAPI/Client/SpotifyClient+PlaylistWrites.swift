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

        public var isComplete: Bool { failure == nil }
    }

    /// The user's playlists (owned and followed), newest first, at most 50 a page.
    public func myPlaylists(limit: Int = 50, offset: Int = 0) async throws -> Paging<Playlist> {
        try await fetch("me/playlists", query: ["limit": "\(limit)", "offset": "\(offset)"])
    }

    /// Creates a playlist exactly once: after a lost answer, the user's newest playlists
    /// are read back, and one of theirs with this name and no tracks yet is taken as the
    /// one just made (Spotify may rewrite a description, so it is not compared).
    ///
    /// - Throws: the refusal when Spotify said no; ``SpotifyError/unconfirmed(_:)`` when
    ///   whether it was made could not be learned.
    public func createPlaylistOnce(name: String, isPublic: Bool, description: String? = nil) async throws -> Playlist {
        var machine = ConfirmedWriteStateMachine(policy: retry)
        var action = machine.start()
        var made: Playlist?
        while true {
            switch action {
            case .send:
                do {
                    made = try await createPlaylist(name: name, isPublic: isPublic, description: description)
                    action = machine.sent(.success(()))
                } catch {
                    action = machine.sent(.failure(.wrapping(error)))
                }
            case .readBack:
                do {
                    made = try await newestEmptyPlaylist(named: name)
                    action = machine.read(.success(made == nil ? .absent : .landed))
                } catch {
                    action = machine.read(.failure(.wrapping(error)))
                }
            case .pauseThenSend(let resend):
                try await pause(before: resend, "creating a playlist again: the first try did not land")
                action = .send
            case .finish(.landed):
                guard let made else { throw SpotifyError.invalidResponse("creating a playlist answered with no playlist") }
                return made
            case .finish(.notMade(let error)), .finish(.unknown(let error)):
                throw error
            }
        }
    }

    private func newestEmptyPlaylist(named name: String) async throws -> Playlist? {
        let owner = try await me().id
        return try await myPlaylists().items.first { playlist in
            playlist.owner.id == owner && playlist.name == name && (playlist.items?.total ?? 0) == 0
        }
    }

    private func pause(before resend: Int, _ reason: String) async throws {
        let wait = retry.backoff(beforeRetry: resend)
        logger.notice("Sending a change again", metadata: ["reason": "\(reason)", "after": "\(wait)"])
        try await Task.sleep(for: wait)
    }

    /// Appends tracks in order, 100 a call, each call after the last.
    ///
    /// - Parameters:
    ///   - count: how many entries the playlist has now, if known (0 for one just made);
    ///     otherwise it is read first, to know where new tracks must appear.
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
            case .landed:
                result.added += chunk
                count += chunk.count
                onProgress(result.added.count, uris.count)
            case .notMade(let error):
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

    /// Sends one chunk until it is known to be in the playlist at `position`, reading the
    /// playlist back after each answer that was lost.
    private func appendOnce(_ id: String, _ chunk: [String], at position: Int) async -> ConfirmedWriteStateMachine.Outcome {
        var machine = ConfirmedWriteStateMachine(policy: retry)
        var action = machine.start()
        while true {
            switch action {
            case .send:
                do {
                    _ = try await addToPlaylist(id, uris: chunk)
                    action = machine.sent(.success(()))
                } catch {
                    action = machine.sent(.failure(.wrapping(error)))
                }
            case .readBack:
                do {
                    let page = try await playlistItems(id, limit: chunk.count, offset: position)
                    action = machine.read(.success(Self.reading(page, of: chunk, at: position)))
                } catch {
                    action = machine.read(.failure(.wrapping(error)))
                }
            case .pauseThenSend(let resend):
                do {
                    try await pause(before: resend, "adding tracks again: the first try did not land")
                } catch {
                    return .notMade(.wrapping(error))
                }
                action = .send
            case .finish(let outcome):
                return outcome
            }
        }
    }

    /// Whether a chunk sits in the playlist where it was sent to go.
    static func reading(_ page: Paging<PlaylistItem>, of chunk: [String], at position: Int) -> ConfirmedWriteStateMachine.Reading {
        if page.total == position { return .absent }
        if page.total == position + chunk.count && page.items.map({ $0.item?.uri }) == chunk { return .landed }
        return .unclear(
            "the playlist changed while tracks were being added: it has \(page.total) entries, not \(position) or \(position + chunk.count)")
    }
}

extension SpotifyError {
    /// Any error as a ``SpotifyError``, for results that carry one.
    static func wrapping(_ error: any Error) -> SpotifyError {
        error as? SpotifyError ?? .network("\(error)")
    }
}
