import ArgumentParser
import Foundation
import Host

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Read traces of MCP traffic that `setlist mix --trace FILE` or `setlist chat --trace FILE` wrote.",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a trace as a timeline: each request with its latency, and the notifications between."
        )

        @Argument(help: "The trace file (JSON Lines).")
        var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("Cannot read \(file): give the path of a file `--trace` wrote.")
            }
            print(TraceTimeline(jsonLines: String(decoding: data, as: UTF8.self)).text)
        }
    }
}
