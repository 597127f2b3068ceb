import ArgumentParser
import Foundation
import Host

struct Servers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the MCP servers Setlist's host uses: how each is reached, its protocol version and era, whether it answers, its tools.",
        discussion: "Servers come from --config, else ./.mcp.json (the mcpServers format of Claude Desktop and Claude Code), else Setlist's own."
    )

    @Option(help: "A configuration file in the mcpServers format.")
    var config: String?

    @OptionGroup var keyLog: KeyLogOption

    func run() async throws {
        keyLog.apply()
        let configuration = try HostConfiguration.load(
            path: config, folder: FileManager.default.currentDirectoryPath, environment: ProcessInfo.processInfo.environment)
        try configuration.makeFolders()
        print("Servers from \(configuration.source):")
        for problem in configuration.problems { print("  ✗ \(problem)") }
        for check in await ServerCheck.run(configuration) {
            if let failure = check.failure {
                print("  ✗ \(check.name) (\(check.transport)): \(failure)")
            } else {
                let era = check.era.map { ", \($0)" } ?? ""
                print(
                    "  ✓ \(check.name) (\(check.transport), MCP \(check.protocolVersion ?? "?")\(era)): \(check.tools.count) tools: "
                        + check.tools.joined(separator: ", "))
            }
        }
    }
}
