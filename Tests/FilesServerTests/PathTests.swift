import Foundation
import Testing

@testable import FilesServer

@Suite struct PathTextTests {
    @Test(arguments: [
        ("/a/b/../c", "/a/c"), ("/a/./b//c/", "/a/b/c"), ("/../..", "/"), ("x/../../y", "/y"), ("x/y", "/base/x/y"),
    ])
    func normalizesWithoutTouchingTheDisk(path: String, expected: String) {
        #expect(PathText.absolute(path, base: "/base") == expected)
    }

    @Test func containmentRespectsSeparators() {
        #expect(PathText.isWithin("/a/allow", "/a/allow"))
        #expect(PathText.isWithin("/a/allow/x", "/a/allow"))
        #expect(!PathText.isWithin("/a/allow_evil", "/a/allow"))
        #expect(!PathText.isWithin("/a/allowx/y", "/a/allow"))
        #expect(!PathText.isWithin("/a", "/a/allow"))
        #expect(PathText.isWithin("/anything", "/"))
    }

    @Test(arguments: [
        ("caf\u{E9}", "cafe\u{301}"), ("\u{C5}", "\u{212B}"), ("\u{2126}", "\u{3A9}"), ("\u{E1}b", "a\u{301}b"),
    ])
    func containmentComparesBytesNotCanonicalEquivalents(allowed: String, beside: String) {
        #expect(!PathText.same("/d/" + allowed, "/d/" + beside))
        #expect(!PathText.isWithin("/d/" + beside, "/d/" + allowed))
        #expect(!PathText.isWithin("/d/" + beside + "/secret", "/d/" + allowed))
        #expect(PathText.isWithin("/d/" + allowed + "/x", "/d/" + allowed))
        #expect(!PathText.isWithin("/d/cafe\u{301}", "/d/cafe"))
        #expect(PathText.relative("/d/" + allowed + "/\u{301}x", to: "/d/" + allowed) == "\u{301}x")
    }

    @Test func splitsAtSeparatorBytesEvenBeforeACombiningMark() {
        // As one `Character`, "/\u{301}" is not "/"; the kernel splits there all the same.
        #expect(PathText.components(of: "/a/\u{301}b/c") == ["a", "\u{301}b", "c"])
        #expect(PathText.parent(of: "/a/\u{301}b") == "/a")
        #expect(PathText.lastComponent(of: "/a/\u{301}b") == "\u{301}b")
        #expect(PathText.absolute("x/\u{301}/../y", base: "/b") == "/b/x/y")
    }

    @Test func canonicallyEquivalentDirectoriesAreBothAllowed() throws {
        let tree = try TemporaryTree(allowedName: "caf\u{E9}", siblingName: "cafe\u{301}")
        #expect(AllowedDirectories([tree.allowed, tree.sibling, tree.allowed]).current.map { Array($0.utf8) }
            == [Array(tree.allowed.utf8), Array(tree.sibling.utf8)])
    }

    @Test func relativePathsStartInTheAllowedDirectories() throws {
        let guardian = PathGuard(allowed: ["/srv/music", "/srv/notes"])
        #expect(try guardian.absolutePath("mix.txt") == "/srv/music/mix.txt")
        #expect(try guardian.absolutePath("../notes/a.txt") == "/srv/notes/a.txt")
        #expect(try guardian.absolutePath("../../etc/passwd") == "/etc/passwd")
        #expect(throws: FilesError.noAllowedDirectories) { try PathGuard(allowed: []).absolutePath("a") }
        #expect(throws: FilesError.emptyPath) { try guardian.absolutePath("") }
    }

    @Test func aNewPathIsJudgedByItsNearestExistingAncestor() throws {
        let tree = try TemporaryTree()
        let guardian = PathGuard(allowed: [tree.allowed])
        let creatable = try guardian.creatable("music/new/deeper/file.txt")
        #expect(creatable.ancestor == tree.allowed + "/music")
        #expect(creatable.missing == ["new", "deeper", "file.txt"])
        try FileManager.default.createSymbolicLink(atPath: tree.allowed + "/door", withDestinationPath: tree.outside)
        #expect(throws: FilesError.self) { try guardian.creatable("door/new/file.txt") }
    }
}

@Suite struct PathGuardTests {
    @Test func onlyAnAllowedDirectoryItselfByItsBytesCannotBeMoved() async throws {
        let tree = try TemporaryTree()
        // A second allowed directory inside the first, and a folder beside it that a `String` takes for it.
        for name in ["caf\u{E9}", "cafe\u{301}"] {
            try FileManager.default.createDirectory(atPath: tree.allowed + "/" + name, withIntermediateDirectories: false)
        }
        let files = FilesHarness(tree: tree, allowed: [tree.allowed, tree.allowed + "/caf\u{E9}"])
        let refusal = try await files.failure("move_file", ["source": "caf\u{E9}", "destination": "moved"])
        #expect(refusal.hasPrefix("Access denied"))
        _ = try await files.text("move_file", ["source": "cafe\u{301}", "destination": "moved"])
        #expect(try tree.namesOnDisk().map { Array($0.utf8) }.contains(Array("caf\u{E9}".utf8)))
        #expect(try tree.namesOnDisk().contains("moved"))
    }
}

/// The second check, on open descriptors: a symlink swapped in after the path
/// check still leads nowhere outside.
@Suite struct DescriptorCheckTests {
    @Test func anIntermediateSymlinkIsCaughtAfterOpening() throws {
        let tree = try TemporaryTree()
        try FileManager.default.createSymbolicLink(atPath: tree.allowed + "/door", withDestinationPath: tree.outside)
        let access = FileSystemAccess(allowed: [tree.allowed])
        // As if `door` had been a directory when checked and became a symlink before opening.
        #expect(throws: FilesError.symlinkInTheWay(tree.allowed + "/door/secret.txt", allowed: [tree.allowed])) {
            _ = try access.openVerified(tree.allowed + "/door/secret.txt", flags: O_RDONLY)
        }
    }

    @Test func theOpenedFileIsCheckedByTheBytesOfItsPath() throws {
        let tree = try TemporaryTree(allowedName: "caf\u{E9}", siblingName: "cafe\u{301}")
        let access = FileSystemAccess(allowed: [tree.allowed])
        // As if the path check had been passed: the kernel's path of the open file decides.
        #expect(throws: FilesError.self) { _ = try access.openVerified(tree.sibling + "/secret.txt", flags: O_RDONLY) }
        #expect(throws: FilesError.self) { _ = try access.openVerified(tree.sibling, flags: O_RDONLY | O_DIRECTORY) }
    }

    @Test func aFinalSymlinkIsNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.symlink("leak.txt", to: tree.outside + "/secret.txt")
        let access = FileSystemAccess(allowed: [tree.allowed])
        #expect(throws: FilesError.self) { _ = try access.openVerified(tree.allowed + "/leak.txt", flags: O_RDONLY) }
    }

    @Test func aReplacedFileNeverWritesThroughASymlinkPlantedAtTheTarget() throws {
        let tree = try TemporaryTree()
        try tree.symlink("planted.txt", to: tree.outside + "/secret.txt")
        let access = FileSystemAccess(allowed: [tree.allowed])
        let directory = try access.openVerified(tree.allowed, flags: O_RDONLY | O_DIRECTORY)
        // As if the symlink had appeared after the target was resolved.
        try FileSystemAccess.replace("planted.txt", in: directory, shownAs: "planted.txt", with: Data("mine".utf8))
        #expect(try String(contentsOfFile: tree.outside + "/secret.txt", encoding: .utf8) == TemporaryTree.secret)
        #expect(try tree.read("planted.txt") == "mine")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: tree.allowed + "/planted.txt")) == nil)
    }
}

/// Names and paths that are not UTF-8 are never repaired into other names.
@Suite struct UndecodableNameTests {
    @Test func aNameThatIsNotUTF8IsLeftOutOfListingsAndNeverMistakenForAnother() async throws {
        let tree = try TemporaryTree()
        try tree.createFile(bytes: Array((tree.allowed + "/a").utf8) + [0xFF] + Array(".txt".utf8), contents: "undecodable")
        try tree.write("a\u{FFFD}.txt", "replacement")
        let files = FilesHarness(tree: tree)
        #expect(try await files.text("list_directory", ["path": "."]) == "[FILE] a\u{FFFD}.txt\n[DIR] music\n[FILE] notes.txt")
        #expect(try await files.text("search_files", ["path": ".", "pattern": "a*"]) == tree.allowed + "/a\u{FFFD}.txt")
        #expect(try await files.text("read_text_file", ["path": "a\u{FFFD}.txt"]) == "replacement")
    }

    @Test func aSymlinkToAPathThatIsNotUTF8IsRefused() async throws {
        // The allowed directory's name holds U+FFFD, the one beside it a 0xFF byte there.
        let tree = try TemporaryTree(allowedName: "q\u{FFFD}")
        let beside = Array((tree.root + "/q").utf8) + [0xFF]
        try tree.createDirectory(bytes: beside)
        try tree.createFile(bytes: beside + Array("/notes.txt".utf8), contents: TemporaryTree.secret)
        try tree.symlink(tree.allowed + "/door", toBytes: beside + Array("/notes.txt".utf8))
        let files = FilesHarness(tree: tree)
        let refusal = try await files.failure("read_text_file", ["path": "door"])
        #expect(refusal.contains("not valid UTF-8"))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
        let writeRefusal = try await files.failure("edit_file", ["path": "door", "edits": [["oldText": "one", "newText": "1"]]])
        #expect(writeRefusal.contains("not valid UTF-8"))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
    }
}
