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
                #expect(FilesHarness.bytes(of: text, contain: tree.allowed), "the refusal should name the allowed directory: \(text)")
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

/// The same escapes through a sibling whose name a Swift `String` cannot tell
/// from the allowed directory's (`==`, `hasPrefix`, `Set` and `Dictionary` use
/// canonical equivalence), while the file system sees another directory. Each
/// path-taking tool is tried against each such sibling: every attempt is refused
/// as access denied, and nothing beside or outside is read, listed, made or changed.
///
/// The battery fails if containment compares `String`s: the first test below
/// proves that each sibling passes a `String` comparison with the allowed path.
/// Each refusal must come from the path check, not from the second check on the
/// opened descriptor, so that neither check can regress unnoticed behind the other
/// (``DescriptorCheckTests`` holds the second one to bytes).
@Suite struct CanonicalSiblingEscapeTests {
    /// An allowed directory and a sibling on the same disk that differ in bytes only.
    struct Pair: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let allowed: String
        let sibling: String
        /// Whether a `String` comparison takes the two for one name.
        var canonicallyEqual: Bool { allowed == sibling }

        init(_ description: String, allowed: String, sibling: String) {
            testDescription = description
            self.allowed = allowed
            self.sibling = sibling
        }
    }

    static let pairs: [Pair] = [
        Pair("NFC allowed, NFD beside", allowed: "caf\u{E9}", sibling: "cafe\u{301}"),
        Pair("NFD allowed, NFC beside", allowed: "cafe\u{301}", sibling: "caf\u{E9}"),
        Pair("Å allowed, the Ångström sign beside", allowed: "\u{C5}", sibling: "\u{212B}"),
        Pair("the Ohm sign allowed, Omega beside", allowed: "\u{2126}", sibling: "\u{3A9}"),
        Pair("a combining mark mid-name", allowed: "\u{E1}b", sibling: "a\u{301}b"),
        Pair("the difference in a folder above", allowed: "caf\u{E9}/inner", sibling: "cafe\u{301}/inner"),
        Pair("a sibling that the allowed name prefixes in bytes", allowed: "cafe", sibling: "cafe\u{301}"),
    ]

    typealias Attempt = EscapeBatteryTests.Attempt

    static let attempts: [Attempt] = [
        Attempt("read_text_file", "read_text_file") { t in ["path": .string(t.sibling + "/secret.txt")] },
        Attempt("read_text_file, relative", "read_text_file") { t in ["path": .string(t.siblingFromAllowed + "/secret.txt")] },
        Attempt("read_file", "read_file") { t in ["path": .string(t.sibling + "/secret.txt")] },
        Attempt("read_media_file", "read_media_file") { t in ["path": .string(t.sibling + "/secret.txt")] },
        Attempt("read_multiple_files", "read_multiple_files") { t in ["paths": [.string(t.sibling + "/secret.txt")]] },
        Attempt("write_file, new", "write_file") { t in ["path": .string(t.sibling + "/new.txt"), "content": "x"] },
        Attempt("write_file, over the secret", "write_file") { t in ["path": .string(t.sibling + "/secret.txt"), "content": "x"] },
        Attempt("edit_file", "edit_file") { t in
            ["path": .string(t.sibling + "/secret.txt"), "edits": [["oldText": "secret", "newText": "changed"]]]
        },
        Attempt("create_directory", "create_directory") { t in ["path": .string(t.sibling + "/made/deeper")] },
        Attempt("list_directory", "list_directory") { t in ["path": .string(t.sibling)] },
        Attempt("list_directory_with_sizes", "list_directory_with_sizes") { t in ["path": .string(t.sibling)] },
        Attempt("directory_tree", "directory_tree") { t in ["path": .string(t.sibling)] },
        Attempt("move_file, source beside", "move_file") { t in
            ["source": .string(t.sibling + "/secret.txt"), "destination": .string(t.allowed + "/stolen.txt")]
        },
        Attempt("move_file, destination beside", "move_file") { t in
            ["source": .string(t.allowed + "/notes.txt"), "destination": .string(t.sibling + "/notes.txt")]
        },
        Attempt("move_file, the sibling itself", "move_file") { t in
            ["source": .string(t.sibling), "destination": .string(t.allowed + "/moved")]
        },
        Attempt("search_files", "search_files") { t in ["path": .string(t.sibling), "pattern": "**"] },
        Attempt("get_file_info", "get_file_info") { t in ["path": .string(t.sibling + "/secret.txt")] },
        Attempt(
            "read through a symlink to the sibling", prepare: { t in try t.symlink("door", to: t.sibling) },
            "read_text_file") { _ in ["path": "door/secret.txt"] },
        Attempt(
            "write through a symlink to the sibling", prepare: { t in try t.symlink("door", to: t.sibling) },
            "write_file") { _ in ["path": "door/planted.txt", "content": "planted"] },
    ]

    @Test(arguments: pairs)
    func theSiblingIsAnotherDirectoryThatStringsCannotTellApart(pair: Pair) throws {
        let tree = try TemporaryTree(allowedName: pair.allowed, siblingName: pair.sibling)
        var allowed = stat()
        var sibling = stat()
        #expect(stat(tree.allowed, &allowed) == 0 && stat(tree.sibling, &sibling) == 0)
        #expect(allowed.st_ino != sibling.st_ino, "the file system must see two directories")
        if pair.canonicallyEqual {
            // What a containment check on `String` would conclude.
            #expect(tree.sibling == tree.allowed)
            #expect((tree.sibling + "/secret.txt").hasPrefix(tree.allowed + "/"))
            #expect(Set([tree.allowed, tree.sibling]).count == 1)
        } else {
            #expect(Array(tree.sibling.utf8).starts(with: tree.allowed.utf8))
        }
        #expect(!PathText.isWithin(tree.sibling + "/secret.txt", tree.allowed))
    }

    @Test(arguments: pairs, attempts)
    func isRefusedAndChangesNothingBeside(pair: Pair, attempt: Attempt) async throws {
        let tree = try TemporaryTree(allowedName: pair.allowed, siblingName: pair.sibling)
        try attempt.prepare(tree)
        let files = FilesHarness(tree: tree)
        let siblingBefore = tree.snapshot(of: tree.sibling)
        let outsideBefore = tree.snapshot(of: tree.outside)
        let allowedBefore = tree.snapshot(of: tree.allowed)

        let result = try await files.call(attempt.tool, attempt.arguments(tree))
        let text = FilesHarness.firstText(result)

        if attempt.tool == "read_multiple_files" {
            #expect(text.contains("Error - Access denied"), "\(text)")
        } else {
            #expect(result.isError == true, "\(attempt.name) was not refused: \(text)")
            #expect(text.hasPrefix("Access denied"), "\(text)")
        }
        #expect(FilesHarness.bytes(of: text, contain: tree.allowed), "the refusal should name the allowed directory: \(text)")
        #expect(!text.contains("changed into a symlink"), "the path check let it through: \(text)")
        #expect(!text.contains("the secret outside"))
        #expect(!text.contains("bait.txt"))
        #expect(tree.snapshot(of: tree.sibling) == siblingBefore)
        #expect(tree.snapshot(of: tree.outside) == outsideBefore)
        #expect(tree.snapshot(of: tree.allowed) == allowedBefore)
    }
}
