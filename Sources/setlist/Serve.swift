import ArgumentParser
import ClockServer
import FilesServer
import Foundation
import Logging
import ServerKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one of Setlist's MCP servers over stdio (default) or Streamable HTTP.",
        subcommands: [Files.self, Clock.self]
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
}
