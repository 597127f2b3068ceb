import MCP
import ServerKit

/// `auth_complete`: finishes the login `auth_begin` started, checking its state, and
/// saves it as `setlist auth login` does.
enum AuthComplete {
    struct Input: ToolInput {
        let code: String?
        let redirectURL: String?

        private enum CodingKeys: String, CodingKey {
            case code
            case redirectURL = "redirect_url"
        }

        static let schema = JSONSchema.object([
            "code": .string("The code from the redirect, if you have only that").optional,
            "redirect_url": .string("The whole address the browser landed on after approving (preferred: its state is checked)")
                .optional,
        ])
    }

    struct Output: ToolOutput {
        let connected: Bool
        let userID: String
        let displayName: String?

        private enum CodingKeys: String, CodingKey {
            case connected
            case userID = "user_id"
            case displayName = "display_name"
        }

        static let outputSchema = JSONSchema.object([
            "connected": .boolean(), "user_id": .string(), "display_name": .string().optional,
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<Input, Output> {
        ToolDefinition(
            name: "auth_complete", title: "Complete Spotify login",
            description: "Completes the login auth_begin started: pass redirect_url (the address the browser landed on) or code.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { input in
            let login = try await spotify.completeLogin(code: input.code, redirectURL: input.redirectURL)
            return Output(connected: true, userID: login.userID, displayName: login.displayName)
        }
    }
}
