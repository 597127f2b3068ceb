import Foundation
import MCP
import Testing

@testable import FilesServer

/// What each file tool does for a client, on a real temporary tree.
@Suite struct FileToolsTests {
    let tree: TemporaryTree
    let files: FilesHarness

    init() throws {
        tree = try TemporaryTree()
        files = FilesHarness(tree: tree)
    }

    // MARK: - Reading

    @Test func readsTextWholeOrByHeadOrTail() async throws {
        #expect(try await files.text("read_text_file", ["path": "notes.txt"]) == "one\ntwo\nthree\n")
        #expect(try await files.text("read_text_file", ["path": "notes.txt", "head": 2]) == "one\ntwo")
        #expect(try await files.text("read_text_file", ["path": "notes.txt", "tail": 2]) == "two\nthree")
        #expect(try await files.text("read_text_file", ["path": "notes.txt", "tail": 10]) == "one\ntwo\nthree")
        #expect(try await files.text("read_file", ["path": "notes.txt"]) == "one\ntwo\nthree\n")
        let both = try await files.failure("read_text_file", ["path": "notes.txt", "head": 1, "tail": 1])
        #expect(both.contains("both head and tail"))
    }

    @Test func structuredContentCarriesTheSameText() async throws {
        let result = try await files.call("read_text_file", ["path": "music/playlist.m3u"])
        #expect(result.structuredContent == ["content": "#EXTM3U\n"])
        #expect(result.content == [.text(text: "#EXTM3U\n", annotations: nil, _meta: nil)])
    }

    @Test func refusesToReadOverTenMebibytesAtOnceButReadsItsEnds() async throws {
        let line = String(repeating: "x", count: 1023) + "\n"
        let big = String(repeating: line, count: 10 * 1024 + 1)
        try tree.write("big.log", big + "last line\n")
        let refusal = try await files.failure("read_text_file", ["path": "big.log"])
        #expect(refusal.contains("head") && refusal.contains("tail"))
        #expect(try await files.text("read_text_file", ["path": "big.log", "tail": 1]) == "last line")
        #expect(try await files.text("read_text_file", ["path": "big.log", "head": 1]) == String(line.dropLast()))
    }

    @Test func readsMediaAsImageOrAudioBlocks() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        try png.write(to: URL(fileURLWithPath: tree.allowed + "/cover.png"))
        let result = try await files.call("read_media_file", ["path": "cover.png"])
        #expect(result.content == [.image(data: png.base64EncodedString(), mimeType: "image/png", annotations: nil, _meta: nil)])
        #expect(
            result.structuredContent
                == ["content": [["type": "image", "data": .string(png.base64EncodedString()), "mimeType": "image/png"]]])

        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: tree.allowed + "/intro.wav"))
        let audio = try await files.call("read_media_file", ["path": "intro.wav"])
        #expect(audio.content == [.audio(data: "AQID", mimeType: "audio/wav", annotations: nil, _meta: nil)])
    }

    @Test func readsOtherTypesAsAnEmbeddedResource() async throws {
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: tree.allowed + "/a b#?%\u{E9}.bin"))
        let result = try await files.call("read_media_file", ["path": "a b#?%\u{E9}.bin"])
        let uri = "file://" + tree.allowed + "/a%20b%23%3F%25%C3%A9.bin"
        #expect(result.content == [.resource(resource: .binary(Data([0, 1, 2]), uri: uri, mimeType: "application/octet-stream"))])
        let block: Value = ["type": "resource", "resource": ["uri": .string(uri), "mimeType": "application/octet-stream", "blob": "AAEC"]]
        #expect(result.structuredContent == ["content": [block]])

        let tool = try #require(files.service.tools.first { $0.name == "read_media_file" })
        let item = tool.descriptor.outputSchema?.objectValue?["properties"]?.objectValue?["content"]?.objectValue?["items"]?.objectValue
        #expect(item?["properties"]?.objectValue?["type"]?.objectValue?["enum"] == ["image", "audio", "resource"])
        #expect(item?["properties"]?.objectValue?["resource"]?.objectValue?["properties"]?.objectValue?["blob"] != nil)
    }

    @Test func readsManyFilesAndReportsEachFailureOnItsOwn() async throws {
        let text = try await files.text("read_multiple_files", ["paths": ["notes.txt", "missing.txt", "music/playlist.m3u"]])
        let parts = text.components(separatedBy: "\n---\n")
        #expect(parts.count == 3)
        #expect(parts[0] == "notes.txt:\none\ntwo\nthree\n\n")
        #expect(parts[1].hasPrefix("missing.txt: Error - No such file"))
        #expect(parts[2] == "music/playlist.m3u:\n#EXTM3U\n\n")
        #expect(try await files.failure("read_multiple_files", ["paths": []]).contains("at least 1 item"))
    }

    @Test func refusesToReadADirectoryAsText() async throws {
        #expect(try await files.failure("read_text_file", ["path": "music"]).contains("list_directory"))
    }

    // MARK: - Writing

    @Test func writesNewFilesAndReplacesOldOnesKeepingTheirMode() async throws {
        #expect(try await files.text("write_file", ["path": "new.txt", "content": "fresh"]) == "Successfully wrote to new.txt")
        #expect(try tree.read("new.txt") == "fresh")

        chmod(tree.allowed + "/notes.txt", 0o600)
        _ = try await files.text("write_file", ["path": "notes.txt", "content": "replaced ñ ✓"])
        #expect(try tree.read("notes.txt") == "replaced ñ ✓")
        let mode = try FileManager.default.attributesOfItem(atPath: tree.allowed + "/notes.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree.allowed).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// The temporary file beside the target has a short name of its own, so any
    /// legal name (up to 255 bytes) can be written and edited.
    @Test(arguments: [230, 255])
    func writesAndEditsNamesUpToTheLongestLegal(bytes: Int) async throws {
        let name = String(repeating: "n", count: bytes - 4) + ".txt"
        _ = try await files.text("write_file", ["path": .string(name), "content": "one\n"])
        _ = try await files.text("edit_file", ["path": .string(name), "edits": [["oldText": "one", "newText": "two"]]])
        #expect(try tree.read(name) == "two\n")
        #expect(try tree.namesOnDisk().filter { $0.hasSuffix(".tmp") }.isEmpty)
        if bytes == 255 {
            let tooLong = try await files.failure("write_file", ["path": .string("n" + name), "content": "x"])
            #expect(tooLong.contains("File name too long"))
        }
    }

    @Test func writingNeedsAnExistingParent() async throws {
        let message = try await files.failure("write_file", ["path": "albums/2026/list.txt", "content": "x"])
        #expect(message.contains("create_directory"))
        #expect(!FileManager.default.fileExists(atPath: tree.allowed + "/albums"))
    }

    @Test func editsInOrderAndReturnsAUnifiedDiff() async throws {
        try tree.write("setlist.swift", "func play() {\n    intro()\n    chorus()\n}\n")
        let diff = try await files.text(
            "edit_file",
            [
                "path": "setlist.swift",
                "edits": [
                    ["oldText": "intro()", "newText": "warmUp()"],
                    ["oldText": "  warmUp()\n      chorus()", "newText": "warmUp()\nchorus()\nbridge()"],
                ],
            ])
        #expect(try tree.read("setlist.swift") == "func play() {\n    warmUp()\nchorus()\nbridge()\n}\n")
        let path = tree.allowed + "/setlist.swift"
        #expect(
            diff == """
                ```diff
                Index: \(path)
                ===================================================================
                --- \(path)\toriginal
                +++ \(path)\tmodified
                @@ -1,4 +1,5 @@
                 func play() {
                -    intro()
                -    chorus()
                +    warmUp()
                +chorus()
                +bridge()
                 }
                ```


                """)
    }

    @Test func aDryRunChangesNothing() async throws {
        let diff = try await files.text(
            "edit_file", ["path": "notes.txt", "edits": [["oldText": "two", "newText": "TWO"]], "dryRun": true])
        #expect(diff.contains("-two\n+TWO"))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
    }

    @Test func anEditThatDoesNotMatchChangesNothing() async throws {
        let message = try await files.failure(
            "edit_file",
            ["path": "notes.txt", "edits": [["oldText": "one", "newText": "1"], ["oldText": "four", "newText": "4"]]])
        #expect(message.contains("Could not find exact match for edit:\nfour"))
        #expect(try tree.read("notes.txt") == "one\ntwo\nthree\n")
    }

    @Test func createsNestedDirectoriesAndAcceptsExistingOnes() async throws {
        _ = try await files.text("create_directory", ["path": "albums/2026/winter"])
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: tree.allowed + "/albums/2026/winter", isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        _ = try await files.text("create_directory", ["path": "albums/2026"])
        let blocked = try await files.failure("create_directory", ["path": "notes.txt/inner"])
        #expect(blocked.contains("not a directory"))
    }

    @Test func movesWithoutEverOverwriting() async throws {
        _ = try await files.text("move_file", ["source": "notes.txt", "destination": "music/notes.txt"])
        #expect(try tree.read("music/notes.txt") == "one\ntwo\nthree\n")
        try tree.write("keep.txt", "keep")
        let refused = try await files.failure("move_file", ["source": "music/notes.txt", "destination": "keep.txt"])
        #expect(refused.contains("already exists"))
        #expect(try tree.read("keep.txt") == "keep")
        #expect(try tree.read("music/notes.txt") == "one\ntwo\nthree\n")
        _ = try await files.text("move_file", ["source": "music", "destination": "records"])
        #expect(try tree.read("records/playlist.m3u") == "#EXTM3U\n")
    }

    // MARK: - Directories

    @Test func listsWithKindsAndSizes() async throws {
        try tree.write("big.txt", String(repeating: "a", count: 2048))
        #expect(
            try await files.text("list_directory", ["path": "."]) == "[FILE] big.txt\n[DIR] music\n[FILE] notes.txt")
        let sized = try await files.text("list_directory_with_sizes", ["path": ".", "sortBy": "size"])
        let lines = sized.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("[FILE] big.txt") && lines[0].hasSuffix("2.00 KB"))
        #expect(lines[1].hasPrefix("[FILE] notes.txt") && lines[1].hasSuffix("14 B"))
        #expect(lines.suffix(2) == ["Total: 2 files, 1 directories", "Combined size: 2.01 KB"])
        #expect(try await files.failure("list_directory_with_sizes", ["path": ".", "sortBy": "date"]).contains("\"name\", \"size\""))
    }

    @Test func drawsATreeLeavingOutExcludedPaths() async throws {
        _ = try await files.text("create_directory", ["path": "music/.cache"])
        let tree = try await files.text("directory_tree", ["path": ".", "excludePatterns": [".cache"]])
        #expect(
            tree == """
                [
                  {
                    "name": "music",
                    "type": "directory",
                    "children": [
                      {
                        "name": "playlist.m3u",
                        "type": "file"
                      }
                    ]
                  },
                  {
                    "name": "notes.txt",
                    "type": "file"
                  }
                ]
                """)
    }

    @Test func searchesWithGlobsAndExclusions() async throws {
        try tree.write("music/mix.txt", "")
        let root = tree.allowed
        #expect(try await files.text("search_files", ["path": ".", "pattern": "*.txt"]) == "\(root)/notes.txt")
        #expect(
            try await files.text("search_files", ["path": ".", "pattern": "**/*.txt"])
                == "\(root)/music/mix.txt\n\(root)/notes.txt")
        #expect(
            try await files.text("search_files", ["path": ".", "pattern": "**/*.txt", "excludePatterns": ["music/**"]])
                == "\(root)/notes.txt")
        #expect(try await files.text("search_files", ["path": ".", "pattern": "*.flac"]) == "No matches found")
    }

    @Test func searchCountsASymlinkOnlyWhereItLeadsInsideAndNeverDescendsIt() async throws {
        try tree.symlink("leak.txt", to: tree.outside + "/secret.txt")
        try tree.symlink("door", to: tree.outside)
        try tree.symlink("nowhere.txt", to: tree.allowed + "/missing.txt")
        try tree.symlink("alias.txt", to: tree.allowed + "/notes.txt")
        try tree.symlink("tunes", to: tree.allowed + "/music")
        let root = tree.allowed
        #expect(
            try await files.text("search_files", ["path": ".", "pattern": "**"])
                == ["alias.txt", "music", "music/playlist.m3u", "notes.txt", "tunes"].map { "\(root)/\($0)" }.joined(separator: "\n"))
        #expect(try await files.text("search_files", ["path": ".", "pattern": "**/secret.txt"]) == "No matches found")
    }

    /// Names that differ only in bytes (`café` in NFC and in NFD) are two files:
    /// listed, searched, excluded and read apart.
    @Test func canonicallyEquivalentNamesAreTwoFiles() async throws {
        try tree.write("caf\u{E9}.txt", "composed")
        try tree.write("cafe\u{301}.txt", "decomposed")
        func same(_ text: String, _ expected: String) -> Bool { text.utf8.elementsEqual(expected.utf8) }

        let listing = try await files.text("list_directory", ["path": "."])
        #expect(same(listing, "[FILE] cafe\u{301}.txt\n[FILE] caf\u{E9}.txt\n[DIR] music\n[FILE] notes.txt"))
        let found = try await files.text("search_files", ["path": ".", "pattern": "caf\u{E9}*"])
        #expect(same(found, tree.allowed + "/caf\u{E9}.txt"))
        let excluded = try await files.text("search_files", ["path": ".", "pattern": "*.txt", "excludePatterns": ["caf\u{E9}.txt"]])
        #expect(same(excluded, tree.allowed + "/cafe\u{301}.txt\n" + tree.allowed + "/notes.txt"))
        let long = String(repeating: "e\u{301}", count: 20) + ".txt"
        try tree.write(long, "")
        let sized = try await files.text("list_directory_with_sizes", ["path": "."])
        #expect(FilesHarness.bytes(of: sized, contain: "[FILE] " + long + " "), "a long name is shown whole: \(sized)")
        let drawn = try await files.text("directory_tree", ["path": ".", "excludePatterns": ["cafe\u{301}.txt", "music"]])
        #expect(FilesHarness.bytes(of: drawn, contain: "caf\u{E9}.txt") && !FilesHarness.bytes(of: drawn, contain: "cafe\u{301}"))
        #expect(try await files.text("read_text_file", ["path": "cafe\u{301}.txt"]) == "decomposed")
        #expect(try await files.text("read_text_file", ["path": "caf\u{E9}.txt"]) == "composed")
    }

    // MARK: - Information

    @Test func describesAFile() async throws {
        chmod(tree.allowed + "/notes.txt", 0o640)
        let result = try await files.call("get_file_info", ["path": "notes.txt"])
        let info = try #require(result.structuredContent?.objectValue)
        #expect(info["size"] == 14)
        #expect(info["isFile"] == true)
        #expect(info["isDirectory"] == false)
        #expect(info["permissions"] == "640")
        #expect(FilesHarness.firstText(result).contains("size: 14\n"))
    }

    @Test func listsTheAllowedDirectories() async throws {
        #expect(try await files.text("list_allowed_directories", [:]) == "Allowed directories:\n\(tree.allowed)")
    }

    @Test func rootsReplaceTheAllowedDirectories() throws {
        let roots = [
            Root(uri: URL(fileURLWithPath: tree.outside).absoluteString, name: "outside"),
            Root(uri: "https://example.com/not-a-file"),
            Root(uri: URL(fileURLWithPath: tree.root + "/missing").absoluteString),
        ]
        #expect(RootsSync.directories(from: roots) == [tree.outside])
    }
}
