import ArgumentParser
import ClockServer
import FilesServer
import Foundation
import Logging
import ServerKit
import SpotifyAPI
import SpotifyServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one of Setlist's MCP servers over stdio (default) or Streamable HTTP.",
        subcommands: [Files.self, Clock.self, Spotify.self]
    )

    struct Files: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve file tools confined to the given directories.",
            discussion: "When the client offers MCP roots, they replace the directories given here."
        )

        @Argument(help: "Directories the server may read and write (`~` is expanded).")
        var directories: [String] = []

        @OptionGroup var transport: TransportOptions

        func run() async throws {
            let logger = LogSetup.standardError(label: "setlist.files")
            let service = try MCPService.files(directories: directories, logger: logger)
            try await transport.serve(service, logger: logger)
        }
    }


    struct Clock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the time tools: current UTC time, time zones, conversions."
        )

        @OptionGroup var transport: TransportOptions

        func run() async throws {
            let logger = LogSetup.standardError(label: "setlist.clock")
            try await transport.serve(.clock(logger: logger), logger: logger)
        }
    }

    struct Spotify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the Spotify tools: mood analysis, recommendations, playlists and playback.",
            discussion: """
                With SPOTIFY_CLIENT_ID set (in the environment or a .env file here), the tools use the listener's Spotify: \
                log in with `setlist auth login`, or through the auth_begin and auth_complete tools. Without it they use a \
                sandbox started in this process, with a demo listener and catalog.
                """
        )

        @Option(help: "Use a running sandbox instead (the address `setlist sandbox` prints).", transform: SandboxAddress.url)
        var sandbox: URL?

        @OptionGroup var transport: TransportOptions

        func run() async throws {
            let logger = LogSetup.standardError(label: "setlist.spotify")
            let source: SpotifyServer.Source
            if let sandbox {
                source = .sandbox(sandbox)
            } else {
                let configuration = try SpotifyConfiguration.from(DotEnv.environment())
                source = .configured(configuration.clientID == nil ? nil : configuration)
            }
            let (service, stop) = SpotifyServer.service(source, logger: logger)
            do {
                try await transport.serve(service, logger: logger)
            } catch {
                await stop()
                throw error
            }
            await stop()
        }
    }
}
