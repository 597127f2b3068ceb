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
