import Foundation
import Logging
import ServerKit
import Testing

@testable import FilesServer

/// Temporary files of writes: short fixed names, hidden from listings, and
/// removed when a killed process left them, never when they may be someone else's.
@Suite struct TemporaryFileTests {
    let tree: TemporaryTree
    let files: FilesHarness

    init() throws {
        tree = try TemporaryTree()
        files = FilesHarness(tree: tree)
    }

    static let leftover = ".setlist-0123456789abcdef.tmp"
    static let fresh = ".setlist-00000000000000ff.tmp"
    static let locked = ".setlist-0000000000000aaa.tmp"
    static let linked = ".setlist-0000000000000bbb.tmp"
    /// A user's files and folders that look like leftovers but are not.
    static let lookalikes = [
        ".setlist-notes.tmp", ".setlist-0123456789abcde.tmp", ".setlist-0123456789ABCDEF.tmp",
        ".setlist-0123456789abcdef0.tmp", ".setlist-0123456789abcdef.tmp.bak", "x.setlist-0123456789abcdef.tmp",
    ]

    /// A file as a killed write leaves it, last modified an hour ago unless `fresh`.
    func makeLeftover(_ name: String, fresh: Bool = false) throws {
        try tree.write(name, String(repeating: "x", count: 4096))
        if !fresh { try makeOld(tree.allowed + "/" + name) }
    }

    func makeOld(_ path: String) throws {
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: path)
    }

    @Test func namesAreShortAndOfOneForm() {
        let name = TemporaryFile.newName()
        #expect(name.utf8.count == 29)
        #expect(TemporaryFile.isTemporaryName(name))
        #expect(name != TemporaryFile.newName())
        for lookalike in Self.lookalikes { #expect(!TemporaryFile.isTemporaryName(lookalike), "\(lookalike)") }
    }

    @Test func leftoversAreHiddenFromEveryListing() async throws {
        try makeLeftover(Self.leftover)
        try makeLeftover("music/" + Self.fresh, fresh: true)
        try tree.write(".setlist-notes.tmp", "mine")
        #expect(try await files.text("list_directory", ["path": "."]) == "[FILE] .setlist-notes.tmp\n[DIR] music\n[FILE] notes.txt")
        #expect(!(try await files.text("list_directory_with_sizes", ["path": "."])).contains(Self.leftover))
        #expect(try await files.text("list_directory", ["path": "music"]) == "[FILE] playlist.m3u")
        #expect(!(try await files.text("directory_tree", ["path": "."])).contains(".setlist-0"))
        #expect(try await files.text("search_files", ["path": ".", "pattern": "**/*.tmp"]) == tree.allowed + "/.setlist-notes.tmp")
    }

    @Test func writingToADirectoryRemovesItsLeftoversAndNothingElse() async throws {
        try makeLeftover(Self.leftover)
        try makeLeftover(Self.fresh, fresh: true)
        try makeLeftover(Self.locked)
        try makeLeftover(Self.linked)
        try FileManager.default.linkItem(atPath: tree.allowed + "/" + Self.linked, toPath: tree.allowed + "/hard-link")
        for name in Self.lookalikes { try makeLeftover(name) }
        // Named like a leftover, but not a regular file.
        let folder = ".setlist-1111111111111111.tmp"
        let link = ".setlist-2222222222222222.tmp"
        try FileManager.default.createDirectory(atPath: tree.allowed + "/" + folder, withIntermediateDirectories: false)
        try tree.symlink(link, to: tree.allowed + "/notes.txt")
        try makeOld(tree.allowed + "/" + folder)
        // A write in progress elsewhere holds its lock.
        let holder = open(tree.allowed + "/" + Self.locked, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)

        _ = try await files.text("write_file", ["path": "new.txt", "content": "fresh"])

        let names = Set(try tree.namesOnDisk())
        #expect(!names.contains(Self.leftover))
        #expect(names.isSuperset(of: [Self.fresh, Self.locked, Self.linked, folder, link, "new.txt", "notes.txt"]))
        #expect(names.isSuperset(of: Self.lookalikes))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func aLeftoverOfAnotherUserIsLeftAlone() async throws {
        try makeLeftover(Self.leftover)
        #expect(chown(tree.allowed + "/" + Self.leftover, 65534, 65534) == 0)
        _ = try await files.text("write_file", ["path": "new.txt", "content": "fresh"])
        #expect(try tree.namesOnDisk().contains(Self.leftover))
    }

    @Test func startingTheServerRemovesLeftoversAtTheTopOfEachDirectory() throws {
        try makeLeftover(Self.leftover)
        try makeLeftover(".setlist-notes.tmp")
        _ = try MCPService.files(directories: [tree.allowed], logger: Logger(label: "test"))
        let names = try tree.namesOnDisk()
        #expect(!names.contains(Self.leftover))
        #expect(names.contains(".setlist-notes.tmp"))
    }
}
