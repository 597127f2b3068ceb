import Testing

@testable import FilesServer

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.txt", "notes.txt", true), ("*.txt", "music/notes.txt", false), ("**/*.txt", "notes.txt", true),
        ("**/*.txt", "a/b/notes.txt", true), ("a/**/c", "a/c", true), ("a/**/c", "a/b/b/c", true),
        ("a/**", "a/b/c", true), ("*", ".hidden", true), ("?.md", "a.md", true), ("?.md", "ab.md", false),
        ("[abc].txt", "b.txt", true), ("[!abc].txt", "b.txt", false), ("*.{mp3,flac}", "song.flac", true),
        ("*.{mp3,flac}", "song.ogg", false), ("notes.txt", "notes.txt", true), ("notes.txt", "notes_txt", false),
        ("a+b(1).txt", "a+b(1).txt", true), ("**", "deep/down/file", true),
        ("caf\u{E9}.txt", "cafe\u{301}.txt", false), ("cafe\u{301}.txt", "caf\u{E9}.txt", false),
        ("cafe\u{301}.txt", "cafe\u{301}.txt", true), ("caf?\u{301}.txt", "cafe\u{301}.txt", true),
        ("*\u{301}", "cafe\u{301}", true), ("[\u{E9}x].txt", "\u{E9}.txt", true), ("[\u{E9}x].txt", "e\u{301}.txt", false),
        ("\u{212B}*", "\u{C5}ngstr\u{F6}m", false),
    ])
    func matchesLikeMinimatchWithDotFiles(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }
}

@Suite struct LineEditsTests {
    @Test func matchesIgnoringIndentationAndKeepsTheOriginalIndent() throws {
        let original = "root:\n    child: 1\n    other: 2\n"
        let edited = try LineEdits.apply([LineEdit(oldText: "child: 1\nother: 2", newText: "child: 10\nother: 20")], to: original)
        #expect(edited == "root:\n    child: 10\nother: 20\n")
    }

    @Test func replacesOnlyTheFirstExactMatch() throws {
        #expect(try LineEdits.apply([LineEdit(oldText: "a", newText: "b")], to: "a a") == "b a")
    }

    @Test func normalizesWindowsLineEndings() throws {
        #expect(try LineEdits.apply([LineEdit(oldText: "x\r\ny", newText: "z")], to: "x\r\ny\r\n") == "z\n")
    }
}

@Suite struct UnifiedDiffTests {
    @Test func marksAMissingFinalNewline() {
        let patch = UnifiedDiff.patch(from: "a\nb", to: "a\nc", path: "f")
        #expect(patch.hasSuffix("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"))
    }

    @Test func separatesDistantChangesIntoHunksWithFourLinesOfContext() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "LINE 2\n").replacingOccurrences(of: "line 19\n", with: "LINE 19\n")
        let patch = UnifiedDiff.patch(from: old, to: new, path: "f")
        #expect(patch.contains("@@ -1,6 +1,6 @@\n line 1\n-line 2\n+LINE 2\n line 3\n"))
        #expect(patch.contains("@@ -15,6 +15,6 @@\n line 15\n"))
    }

    @Test func describesAddingToAnEmptyFile() {
        #expect(UnifiedDiff.patch(from: "", to: "new\n", path: "f").hasSuffix("@@ -0,0 +1,1 @@\n+new\n"))
    }

    @Test func findsAShortestScript() {
        let changes = UnifiedDiff.changes(from: UnifiedDiff.lines("a\nb\nc\nd\n"), to: UnifiedDiff.lines("a\nc\nd\ne\n"))
        let removed = changes.filter { if case .removed = $0 { true } else { false } }.count
        let added = changes.filter { if case .added = $0 { true } else { false } }.count
        #expect((removed, added) == (1, 1))
    }
}

@Suite struct SizeFormatTests {
    @Test(arguments: [
        (0, "0 B"), (512, "512 B"), (1023, "1023 B"), (1024, "1.00 KB"), (1152, "1.13 KB"), (1536, "1.50 KB"),
        (1029, "1.00 KB"), (1048575, "1024.00 KB"), (1048576, "1.00 MB"), (10 << 20, "10.00 MB"), (3 << 30, "3.00 GB"),
        (1 << 40, "1.00 TB"), (1 << 50, "1024.00 TB"), (3 * (1 << 30) / 8 * 3, "1.13 GB"),
    ])
    func readsLikeTheReferenceServer(bytes: Int, text: String) {
        #expect(SizeFormat.string(bytes) == text)
    }
}

@Suite struct FileURLTests {
    @Test(arguments: [
        ("/a b/\u{E9}", "file:///a%20b/%C3%A9"), ("/cafe\u{301}", "file:///cafe%CC%81"), ("/x%y#z?w", "file:///x%25y%23z%3Fw"),
        ("/a^b`c{d}e|f\\g\"h<i>j", "file:///a%5Eb%60c%7Bd%7De%7Cf%5Cg%22h%3Ci%3Ej"), ("/t\tn\n", "file:///t%09n%0A"),
        ("/~!$&'()*+,;=:@[]", "file:///%7E!$&'()*+,;=:@%5B%5D"), ("/\u{7F}", "file:///%7F"),
    ])
    func encodesLikeNodesPathToFileURL(path: String, url: String) {
        #expect(FileURL.string(forPath: path) == url)
    }
}
