import MCP
import ServerKit
import SpotifyAPI
import SpotifyModels

/// `whoami`: which Spotify the server talks to, and who is logged in.
enum WhoAmI {
    struct Output: ToolOutput {
        let connected: Bool
        /// `user`, `app_only`, `sandbox` or `none`.
        let session: String
        let userID: String?
        let accountID: String?
        let displayName: String?
        let message: String

        private enum CodingKeys: String, CodingKey {
            case connected, session, message
            case userID = "user_id"
            case accountID = "account_id"
            case displayName = "display_name"
        }

        static let outputSchema = JSONSchema.object([
            "connected": .boolean("Whether a listener is logged in (playlists and playback work)"),
            "session": .string("What the server talks to", oneOf: ["user", "app_only", "sandbox", "none"]),
            "user_id": .string().optional,
            "account_id": .string("Spotify's stable key for the account, where it gives one").optional,
            "display_name": .string().optional,
            "message": .string(),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<NoArguments, Output> {
        ToolDefinition(
            name: "whoami", title: "Who am I",
            description: "Tells whether a Spotify listener is connected, and who: the user's Spotify, app-only Spotify "
                + "(search only), or the local sandbox. Call auth_begin to connect when nobody is.",
            annotations: Tool.Annotations(readOnlyHint: true, openWorldHint: true)
        ) { _ in
            let session: SpotifySession
            let me: CurrentUser
            do {
                session = try await spotify.current()
                if case .appOnly = session.kind {
                    return Output(
                        connected: false, session: "app_only", userID: nil, accountID: nil, displayName: nil, message: session.summary)
                }
                me = try await session.client.me()
            } catch let error as SpotifyError where error.meansLoggedOut {
                return Output(
                    connected: false, session: "none", userID: nil, accountID: nil, displayName: nil,
                    message: "\(error.errorDescription ?? "Nobody is logged in.") Or call auth_begin, open its address, then auth_complete.")
            }
            let kind = if case .sandbox = session.kind { "sandbox" } else { "user" }
            return Output(
                connected: true, session: kind, userID: me.id, accountID: me.accountId, displayName: me.displayName,
                message: session.summary)
        }
    }
}

extension SpotifyError {
    /// Whether the error means no usable login: nobody, an expired one, or one without
    /// the scopes Setlist needs.
    var meansLoggedOut: Bool {
        switch self {
        case .notLoggedIn, .loginExpired, .missingScope: true
        default: false
        }
    }
}
