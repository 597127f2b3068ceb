import ArgumentParser
import Foundation
import Logging
import SpotifyAPI
import SpotifyModels

struct Auth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log in to Spotify, see who is logged in, or log out.",
        subcommands: [Login.self, Status.self, Logout.self]
    )

    struct AccountOption: ParsableArguments {
        @Flag(help: "The separate bot account that publishes public mixes, instead of yours.")
        var bot = false

        var account: TokenStore.Account { bot ? .bot : .user }
    }

    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log in with Authorization Code and PKCE; the browser's answer is caught on 127.0.0.1.",
            discussion: "Reads SPOTIFY_CLIENT_ID (and optionally SPOTIFY_CLIENT_SECRET, SPOTIFY_REDIRECT_URI) from the environment or a .env file here."
        )

        @OptionGroup var account: AccountOption

        @Flag(help: "Paste the address the browser lands on, for machines without a browser.")
        var paste = false

        @Flag(help: "Do not try to open a browser; only print the link.")
        var noBrowser = false

        func run() async throws {
            let logger = LogSetup.standardError(label: "setlist.auth")
            let configuration = try SpotifyConfiguration.from(DotEnv.environment())
            let flow = LoginFlow(configuration: configuration, store: .standard(), logger: logger)
            let way: LoginFlow.Return =
                paste
                ? .paste(read: {
                    say("After approving, paste the address your browser landed on, then press Enter:")
                    return readLine()
                })
                : .loopback(open: { url in if !noBrowser { Browser.open(url) } })
            let login = try await flow.run(account: account.account, via: way) { url in
                say("Open this link to log in to Spotify:\n\n  \(url.absoluteString)\n")
            }
            print("Logged in as \(login.displayName ?? login.userID) (\(login.userID)). Saved to \(TokenStore.standard().path(for: account.account)).")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show who is logged in and what the login allows.")

        @OptionGroup var account: AccountOption

        func run() async throws {
            let store = TokenStore.standard()
            guard let login = try store.load(account.account) else {
                print("Not logged in (\(account.account.rawValue)). Run `setlist auth login\(account.bot ? " --bot" : "")`.")
                throw ExitCode(1)
            }
            let missing = Set(SpotifyScope.setlist).subtracting(login.tokens.scopes)
            print("Logged in as \(login.displayName ?? login.userID) (\(login.userID)) with app \(login.clientID).")
            print("Access token \(login.tokens.expiresAt > Date() ? "valid until" : "expired at") \(login.tokens.expiresAt.formatted(.iso8601)); it refreshes itself.")
            print(missing.isEmpty ? "All scopes granted." : "Missing scopes: \(missing.sorted().joined(separator: ", ")). Run `setlist auth login` again.")
        }
    }

    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget the saved login.")

        @OptionGroup var account: AccountOption

        func run() async throws {
            try TokenStore.standard().delete(account.account)
            print("Logged out (\(account.account.rawValue)).")
        }
    }
}

/// Writes a line to standard output at once, unbuffered, for a person (or script) waiting on it.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Opens a link in the desktop's browser when there is one.
enum Browser {
    static func open(_ url: URL) {
        #if os(macOS)
            let candidates = ["/usr/bin/open"]
        #else
            let candidates = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open"]
        #endif
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
