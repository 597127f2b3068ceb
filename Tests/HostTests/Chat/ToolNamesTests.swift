import Testing

@testable import Host

@Suite struct ToolNamesTests {
    static func isProviderSafe(_ name: String) -> Bool {
        name.wholeMatch(of: /[a-zA-Z0-9_-]{1,64}/) != nil
    }

    @Test func aPlainNameIsServerAndToolJoinedAndStaysTheSame() {
        var names = ToolNames()
        #expect(names.name(server: "files", tool: "write_file") == "files__write_file")
        #expect(names.name(server: "files", tool: "write_file") == "files__write_file")
    }

    @Test func longOrForeignNamesAreShortenedWithADigestAndNeverMeet() {
        var names = ToolNames()
        let long = String(repeating: "a-very-long-server-name-", count: 4)
        let first = names.name(server: long, tool: "get_current_time")
        let second = names.name(server: long, tool: "get_current_timezone")
        let dotted = names.name(server: "my.server", tool: "read file")
        let underscored = names.name(server: "my_server", tool: "read_file")
        for name in [first, second, dotted, underscored] { #expect(Self.isProviderSafe(name), "\(name)") }
        #expect(Set([first, second, dotted, underscored]).count == 4)
        #expect(first.hasPrefix("a-very-long-server-name-") && first.contains("__get_current_time_"), "the tool's own name is kept whole")
        #expect(underscored == "my_server__read_file")
        #expect(dotted.hasPrefix("my_server__read_file_"))
    }

    @Test func theDigestIsSHA256AndTheSameOnEveryRun() {
        // SHA-256("abc") begins ba7816bf8f01cfea (FIPS 180-2, appendix B.1).
        #expect(shortDigest("abc", digits: 16) == "ba7816bf8f01cfea")
        #expect(ToolNames.shortened(server: "s", tool: "t", digest: "0123456789") == "s__t_0123456789")
    }
}
