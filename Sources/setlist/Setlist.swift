import ArgumentParser
import ServerKit

@main
struct Setlist: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setlist",
        abstract: "Playlists that fit the moment, through MCP servers for Spotify, files and time.",
        version: SetlistVersion.current,
        subcommands: [Serve.self, Sandbox.self, Auth.self, Doctor.self]
    )
}
