import Foundation
import Logging
import MCP
import ServerKit
import Synchronization
import Testing

@testable import FilesServer

/// Starting the Files server on the directories given on the command line.
@Suite struct FilesServiceTests {
    /// Keeps the messages logged, to check the warnings.
    final class Recorded: Sendable {
        let messages = Mutex<[String]>([])
    }

    struct RecordingHandler: LogHandler {
        let recorded: Recorded
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorded.messages.withLock { $0.append("\(event.level): \(event.message)") }
        }
    }

    @Test func aFileOrAMissingPathIsSkippedWithAWarning() async throws {
        let tree = try TemporaryTree()
        let recorded = Recorded()
        let logger = Logger(label: "test") { _ in RecordingHandler(recorded: recorded) }
        let file = tree.allowed + "/notes.txt"
        let missing = tree.root + "/missing"
        let service = try MCPService.files(directories: [file, missing, tree.allowed], logger: logger)
        let listed = try await service.callTool(named: "list_allowed_directories", arguments: [:])
        #expect(listed.content == [.text(text: "Allowed directories:\n\(tree.allowed)", annotations: nil, _meta: nil)])
        #expect(
            recorded.messages.withLock { $0 } == [
                "warning: \(file) is not a directory, skipping", "warning: Cannot access directory \(missing), skipping",
            ])
    }

    @Test func startingWithNoUsableDirectoryFails() throws {
        let tree = try TemporaryTree()
        let error = #expect(throws: FilesError.noAccessibleDirectories) {
            try MCPService.files(directories: [tree.allowed + "/notes.txt", tree.root + "/missing"], logger: Logger(label: "test"))
        }
        #expect(error?.errorDescription?.hasPrefix("None of the specified directories are accessible") == true)
    }

    @Test func startingWithNoDirectoriesWaitsForRoots() throws {
        _ = try MCPService.files(directories: [], logger: Logger(label: "test"))
    }
}
