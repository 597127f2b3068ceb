import MCP
import ServerKit

/// `auth_begin`: starts a Spotify login (PKCE) and gives the address to open.
enum AuthBegin {
    struct Output: ToolOutput {
        let authorizeURL: String
        let redirectURI: String
        let instructions: String

        private enum CodingKeys: String, CodingKey {
            case authorizeURL = "authorize_url"
            case redirectURI = "redirect_uri"
            case instructions
        }

        static let outputSchema = JSONSchema.object([
            "authorize_url": .string("Open this in a browser and approve"),
            "redirect_uri": .string("Where Spotify sends the browser afterwards"),
            "instructions": .string(),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<NoArguments, Output> {
        ToolDefinition(
            name: "auth_begin", title: "Begin Spotify login",
            description: "Starts logging a listener in to Spotify. Returns authorize_url: open it, approve, then pass the "
                + "address the browser lands on (or its code) to auth_complete.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true)
        ) { _ in
            let pending = try await spotify.beginLogin()
            return Output(
                authorizeURL: pending.authorizeURL.absoluteString, redirectURI: pending.redirectURI.absoluteString,
                instructions: "Open authorize_url, approve, then call auth_complete with redirect_url set to the whole address "
                    + "the browser lands on (it starts with \(pending.redirectURI.absoluteString) and holds code=).")
        }
    }
}
