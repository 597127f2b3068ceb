import Foundation
import MCP
import Testing

@testable import FilesServer

/// A cancelled request stops its work: walks and reads stop between entries and
/// chunks, and a write leaves no temporary file and does not replace its target.
@Suite struct CancellationTests {
    let tree: TemporaryTree
    let files: FilesHarness

    init() throws {
        tree = try TemporaryTree()
        files = FilesHarness(tree: tree)
    }

    /// Calls a tool from a task that is already cancelled, as the server's task is
    /// once the client sends `notifications/cancelled`.
    func callCancelled(_ tool: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        let files = files
        return try await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await files.call(tool, arguments)
        }.value
    }

    func expectCancelled(_ result: CallTool.Result) {
        #expect(result.isError == true)
        #expect(FilesHarness.firstText(result).contains("cancelled"), "\(FilesHarness.firstText(result))")
    }

    @Test func aCancelledWriteLeavesNoTemporaryFileAndKeepsTheTarget() async throws {
        let content = String(repeating: "new line\n", count: 300_000)
        expectCancelled(try await callCancelled("write_file", ["path": "notes.txt", "content": .string(content)]))
        expectCancelled(try await callCancelled("write_file", ["path": "new.txt", "content": .string(content)]))
        expectCancelled(try await callCancelled("edit_file", ["path": "notes.txt", "edits": [["oldText": "two", "newText": "2"]]]))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
        #expect(try tree.namesOnDisk() == ["music", "notes.txt"])
    }

    @Test func aCancelledWriteOfNothingStillKeepsTheTarget() async throws {
        expectCancelled(try await callCancelled("write_file", ["path": "notes.txt", "content": ""]))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
        #expect(try tree.namesOnDisk() == ["music", "notes.txt"])
    }

    @Test func cancelledReadsStop() async throws {
        expectCancelled(try await callCancelled("read_text_file", ["path": "notes.txt"]))
        expectCancelled(try await callCancelled("read_text_file", ["path": "notes.txt", "head": 1]))
        expectCancelled(try await callCancelled("read_text_file", ["path": "notes.txt", "tail": 1]))
        expectCancelled(try await callCancelled("read_media_file", ["path": "notes.txt"]))
        // One cancelled request, not an error per file.
        let many = try await callCancelled("read_multiple_files", ["paths": ["notes.txt", "music/playlist.m3u"]])
        expectCancelled(many)
        #expect(!FilesHarness.firstText(many).contains("notes.txt"))
    }

    @Test func cancelledWalksStop() async throws {
        expectCancelled(try await callCancelled("search_files", ["path": ".", "pattern": "**"]))
        expectCancelled(try await callCancelled("directory_tree", ["path": "."]))
    }
}
