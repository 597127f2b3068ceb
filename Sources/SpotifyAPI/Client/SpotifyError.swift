import Foundation

/// What went wrong talking to Spotify, with what to do about it.
public enum SpotifyError: Error, LocalizedError, Equatable, Sendable {
    case noActiveDevice
    case premiumRequired
    case userNotRegistered
    case missingScope(String)
    case notLoggedIn
    case loginExpired
    case rateLimited(retryAfterSeconds: Int)
    case quotaExceeded
    case forbidden(String)
    case notFound(String)
    case badRequest(String)
    case server(status: Int, message: String)
    case network(String)
    /// A change was sent but not confirmed: it may or may not have happened.
    case unconfirmed(String)
    case invalidResponse(String)
    case accounts(error: String, description: String)

    public var errorDescription: String? {
        switch self {
        case .noActiveDevice:
            "Spotify says no active device: open Spotify on a phone or computer, then retry."
        case .premiumRequired:
            "Spotify says this needs Premium: playback control works only for Premium accounts."
        case .userNotRegistered:
            "Spotify says this user is not registered for the app: add the account under 'User Management' in the app's Spotify Developer Dashboard (at most 5 users), then retry."
        case .missingScope(let scope):
            "Spotify refused for lack of permission (\(scope)): run `setlist auth login` again to grant it."
        case .notLoggedIn:
            "Nobody is logged in to Spotify: run `setlist auth login`."
        case .loginExpired:
            "The Spotify login has expired or was revoked (logins last six months): run `setlist auth login` again."
        case .rateLimited(let seconds):
            "Spotify is rate limiting this app: try again in \(seconds) seconds."
        case .quotaExceeded:
            "Spotify says the app's request quota is spent: wait for it to reset (usually a day) or use another app's credentials."
        case .forbidden(let message):
            "Spotify refused: \(message). Since 2026 development-mode apps cannot use some endpoints (recommendations, audio features, batch lookups)."
        case .notFound(let message):
            "Spotify found nothing there: \(message)."
        case .badRequest(let message):
            "Spotify rejected the request: \(message)."
        case .server(let status, let message):
            "Spotify had a server error (\(status): \(message)) and kept failing after retries: try again later."
        case .network(let message):
            "Could not reach Spotify (\(message)): check the network connection and retry."
        case .unconfirmed(let message):
            "Spotify did not confirm a change (\(message)): it may have happened. It was not sent again; read the playlist back before retrying."
        case .invalidResponse(let message):
            "Spotify answered something unexpected: \(message)."
        case .accounts(let error, let description):
            "Spotify's accounts service refused: \(error) (\(description))."
        }
    }
}
