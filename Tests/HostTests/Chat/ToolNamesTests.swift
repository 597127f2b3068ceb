import Testing

@testable import Host

@Suite struct ToolNamesTests {
    static func isProviderSafe(_ name: String) -> Bool {
        name.wholeMatch(of: /[a-zA-Z0-9_-]{1,64}/) != nil
    }

    @Test func aPlainNameIsServerAndToolJoined() {
        var names = ToolNames()
        let name = names.name(server: "files", tool: "write_file")
        #expect(name == "files__write_file")
        #expect(names.target(of: name) == .init(server: "files", tool: "write_file"))
    }

    @Test func longOrForeignNamesAreShortenedWithAHashAndStillMapBack() {
        var names = ToolNames()
        let long = String(repeating: "a-very-long-server-name-", count: 4)
        let first = names.name(server: long, tool: "get_current_time")
        let second = names.name(server: long, tool: "get_current_timezone")
        let dotted = names.name(server: "my.server", tool: "read file")
        let underscored = names.name(server: "my_server", tool: "read_file")
        for name in [first, second, dotted, underscored] { #expect(Self.isProviderSafe(name), "\(name)") }
        #expect(Set([first, second, dotted, underscored]).count == 4)
        #expect(names.target(of: first) == .init(server: long, tool: "get_current_time"))
        #expect(first.hasPrefix("a-very-long-server-name-") && first.contains("__get_current_time_"), "the tool's own name is kept whole")
        #expect(names.target(of: dotted) == .init(server: "my.server", tool: "read file"))
        #expect(underscored == "my_server__read_file")
        #expect(dotted.hasPrefix("my_server__read_file_"))
    }

    @Test func theHashIsTheSameOnEveryRun() {
        #expect(ToolNames.hash("files\u{0}write_file\u{0}0") == ToolNames.hash("files\u{0}write_file\u{0}0"))
        #expect(ToolNames.hash("a").count == 10)
        #expect(ToolNames.hash("a") != ToolNames.hash("b"))
    }
}
