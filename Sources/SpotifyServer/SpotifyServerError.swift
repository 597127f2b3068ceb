import Foundation

/// What stops a Spotify tool that is not Spotify's own refusal, with what to do.
enum SpotifyServerError: Error, LocalizedError, Equatable {
    case noLoginInProgress
    case noCodeGiven
    case noBotLogin
    case unconfirmedPlayback(String)

    var errorDescription: String? {
        switch self {
        case .noLoginInProgress:
            "No login is in progress: call auth_begin first, open its authorize_url, then call auth_complete."
        case .noCodeGiven:
            "Pass redirect_url (the whole address the browser landed on after approving) or code."
        case .noBotLogin:
            "Public mixes are made by Setlist's bot account, which is not logged in: run `setlist auth login --bot` once with "
                + "the bot's Spotify account (added under User Management in the app's dashboard)."
        case .unconfirmedPlayback(let detail):
            "Spotify accepted the command but \(detail): open Spotify on the device and try again."
        }
    }
}
