import SpotifyAPI
import SpotifyModels

/// Reads the player back until it shows what a command asked for: Spotify accepts a
/// transfer or a play at once and applies it a moment later, or not at all.
enum PlayerReadBack {
    static let tries = 5
    static let pause = Duration.milliseconds(300)

    /// The player once `done` holds, or its last state after ``tries`` reads.
    static func state(_ client: SpotifyClient, until done: (PlaybackState?) -> Bool) async throws -> PlaybackState? {
        var state = try await client.playbackState()
        for _ in 1..<tries where !done(state) {
            try await Task.sleep(for: pause)
            state = try await client.playbackState()
        }
        return state
    }
}
