import Foundation
import MCP
import Testing

@testable import FilesServer

/// Attempts to read, create or change something outside the allowed directory.
/// Each is refused with a message that names the allowed directory, and the
/// outside directory and the prefix sibling are left exactly as they were.
@Suite struct EscapeBatteryTests {
    /// A tool call that tries to escape, built for a given tree.
    struct Attempt: CustomTestStringConvertible, Sendable {
        let name: String
        let prepare: @Sendable (TemporaryTree) throws -> Void
        let tool: String
        let arguments: @Sendable (TemporaryTree) -> [String: Value]
        var testDescription: String { name }

        init(
            _ name: String, prepare: @escaping @Sendable (TemporaryTree) throws -> Void = { _ in }, _ tool: String,
            _ arguments: @escaping @Sendable (TemporaryTree) -> [String: Value]
        ) {
            self.name = name
            self.prepare = prepare
            self.tool = tool
            self.arguments = arguments
        }
    }

    static let attempts: [Attempt] = [
        Attempt("dot-dot read", "read_text_file") { _ in ["path": "../outside/secret.txt"] },
        Attempt("dot-dot inside an absolute path", "read_text_file") { t in ["path": .string(t.allowed + "/music/../../outside/secret.txt")] },
        Attempt("absolute path outside", "read_text_file") { t in ["path": .string(t.outside + "/secret.txt")] },
        Attempt("prefix sibling read", "read_text_file") { t in ["path": .string(t.sibling + "/bait.txt")] },
        Attempt("prefix sibling write", "write_file") { t in ["path": .string(t.sibling + "/new.txt"), "content": "x"] },
        Attempt("prefix sibling mkdir", "create_directory") { t in ["path": .string(t.sibling + "/made")] },
        Attempt("prefix sibling list", "list_directory") { t in ["path": .string(t.sibling)] },
        Attempt(
            "symlinked file pointing out", prepare: { t in try t.symlink("leak.txt", to: t.outside + "/secret.txt") },
            "read_text_file") { _ in ["path": "leak.txt"] },
        Attempt(
            "symlinked folder pointing out", prepare: { t in try t.symlink("door", to: t.outside) },
            "read_text_file") { _ in ["path": "door/secret.txt"] },
        Attempt(
            "symlinked folder listed", prepare: { t in try t.symlink("door", to: t.outside) },
            "list_directory") { _ in ["path": "door"] },
        Attempt(
            "media through a symlink", prepare: { t in try t.symlink("cover.png", to: t.outside + "/secret.txt") },
            "read_media_file") { _ in ["path": "cover.png"] },
        Attempt(
            "info through a symlink", prepare: { t in try t.symlink("door", to: t.outside) },
            "get_file_info") { _ in ["path": "door/secret.txt"] },
        Attempt(
            "write through a symlinked file", prepare: { t in try t.symlink("leak.txt", to: t.outside + "/secret.txt") },
            "write_file") { _ in ["path": "leak.txt", "content": "overwritten"] },
        Attempt(
            "edit through a symlinked file", prepare: { t in try t.symlink("leak.txt", to: t.outside + "/secret.txt") },
            "edit_file") { _ in ["path": "leak.txt", "edits": [["oldText": "secret", "newText": "changed"]]] },
        Attempt(
            "dangling symlink pointing out, written", prepare: { t in try t.symlink("future.txt", to: t.outside + "/planted.txt") },
            "write_file") { _ in ["path": "future.txt/x", "content": "x"] },
        Attempt(
            "symlinked parent on write", prepare: { t in try t.symlink("door", to: t.outside) },
            "write_file") { _ in ["path": "door/planted.txt", "content": "planted"] },
        Attempt(
            "symlinked parent on mkdir -p", prepare: { t in try t.symlink("door", to: t.outside) },
            "create_directory") { _ in ["path": "door/a/b"] },
        Attempt(
            "dangling symlink as a directory to create", prepare: { t in try t.symlink("gate", to: t.outside + "/made") },
            "create_directory") { _ in ["path": "gate"] },
        Attempt("move a file out", "move_file") { t in ["source": "notes.txt", "destination": .string(t.outside + "/notes.txt")] },
        Attempt(
            "move out through a symlinked folder", prepare: { t in try t.symlink("door", to: t.outside) },
            "move_file") { _ in ["source": "notes.txt", "destination": "door/notes.txt"] },
        Attempt("move a file in from outside", "move_file") { t in ["source": .string(t.outside + "/secret.txt"), "destination": "stolen.txt"] },
        Attempt("move the allowed directory itself", "move_file") { t in ["source": .string(t.allowed), "destination": .string(t.allowed + "/inside")] },
        Attempt("search from outside", "search_files") { t in ["path": .string(t.outside), "pattern": "**"] },
        Attempt("tree of the parent", "directory_tree") { _ in ["path": ".."] },
        Attempt("NUL byte", "read_text_file") { _ in ["path": "notes.txt\u{0}../../outside/secret.txt"] },
        Attempt("NUL byte on write", "write_file") { _ in ["path": "new\u{0}.txt", "content": "x"] },
        Attempt("empty path", "write_file") { _ in ["path": "", "content": "x"] },
        Attempt("home directory", "read_text_file") { _ in ["path": "~/.bashrc"] },
        Attempt(
            "read_multiple_files mixing in a secret", prepare: { t in try t.symlink("leak.txt", to: t.outside + "/secret.txt") },
            "read_multiple_files") { t in ["paths": ["leak.txt", .string(t.outside + "/secret.txt")]] },
    ]

    @Test(arguments: attempts)
    func isRefusedAndChangesNothingOutside(attempt: Attempt) async throws {
        let tree = try TemporaryTree()
        try attempt.prepare(tree)
        let files = FilesHarness(tree: tree)
        let outsideBefore = tree.snapshot(of: tree.outside)
        let siblingBefore = tree.snapshot(of: tree.sibling)

        let result = try await files.call(attempt.tool, attempt.arguments(tree))
        let text = FilesHarness.firstText(result)

        if attempt.tool == "read_multiple_files" {
            // One failing path does not fail the call; each escaping path fails on its own.
            #expect(result.isError != true)
            #expect(text.components(separatedBy: "Error - ").count == 3)
        } else {
            #expect(result.isError == true, "\(attempt.name) was not refused: \(text)")
            let aboutWhere = !["NUL byte", "empty path", "NUL byte on write"].contains(attempt.name)
            if aboutWhere && !text.hasPrefix("No such file") {
                #expect(text.contains(tree.allowed), "the refusal should name the allowed directory: \(text)")
            }
        }
        #expect(!text.contains("the secret outside"))
        #expect(tree.snapshot(of: tree.outside) == outsideBefore)
        #expect(tree.snapshot(of: tree.sibling) == siblingBefore)
    }

    @Test func aSymlinkInsideThatStaysInsideIsFollowed() async throws {
        let tree = try TemporaryTree()
        try tree.symlink("alias.txt", to: tree.allowed + "/notes.txt")
        let files = FilesHarness(tree: tree)
        #expect(try await files.text("read_text_file", ["path": "alias.txt"]) == "one\ntwo\nthree\n")
        _ = try await files.text("write_file", ["path": "alias.txt", "content": "changed\n"])
        #expect(try tree.read("notes.txt") == "changed\n")
    }

    @Test func anAllowedDirectoryGivenThroughASymlinkIsItsRealPath() async throws {
        let tree = try TemporaryTree()
        let link = tree.root + "/allow-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: tree.allowed)
        let files = FilesHarness(tree: tree, allowed: [link])
        #expect(try await files.text("list_allowed_directories", [:]) == "Allowed directories:\n\(tree.allowed)")
        #expect(try await files.text("read_text_file", ["path": .string(link + "/notes.txt")]) == "one\ntwo\nthree\n")
    }
}
