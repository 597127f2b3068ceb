import ArgumentParser
import ServerKit

@main
struct Setlist: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setlist",
        abstract: "Playlists that fit the moment, through MCP servers for Spotify, files and time.",
        version: SetlistVersion.current,
        subcommands: [Mix.self, Chat.self, Serve.self, Servers.self, TraceCommand.self, Sandbox.self, Auth.self, Doctor.self, CaptureCommand.self]
    )

    /// Parses the arguments ``ProcessArguments`` finds, which survive a preloaded
    /// library that moves `environ`, instead of trusting `CommandLine.arguments` alone.
    static func main() async {
        await main(ProcessArguments.current())
    }
}
