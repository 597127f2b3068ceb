import Foundation
import Testing

@testable import Host

@Suite struct HostConfigurationTests {
    let environment = ["HOME": "/home/ana", "TOKEN": "secret-token", "EMPTY": ""]

    func parse(_ json: String) -> HostConfiguration {
        HostConfiguration.parse(Data(json.utf8), source: "test.json", environment: environment)
    }

    @Test func readsStdioAndHTTPEntriesWithVariables() {
        let configuration = parse(
            #"""
            {"mcpServers": {
              "files": {"command": "setlist", "args": ["serve", "files", "${HOME}/Music", "${MISSING:-/tmp}"], "env": {"LEVEL": "${LOG:-info}"}},
              "remote": {"type": "http", "url": "https://clock.example/mcp", "headers": {"Authorization": "Bearer ${TOKEN}"}},
              "plain": {"url": "http://127.0.0.1:8080/mcp"}
            }}
            """#)
        #expect(configuration.problems.isEmpty)
        #expect(
            configuration.servers == [
                .stdio(ServerCommand(name: "files", executable: "setlist", arguments: ["serve", "files", "/home/ana/Music", "/tmp"], environment: ["LEVEL": "info"])),
                .http(name: "plain", url: URL(string: "http://127.0.0.1:8080/mcp")!, headers: [:]),
                .http(name: "remote", url: URL(string: "https://clock.example/mcp")!, headers: ["Authorization": "Bearer secret-token"]),
            ])
    }

    @Test func anHTTPEntrysURLTakesVariablesAndDefaults() {
        let configuration = parse(
            #"""
            {"mcpServers": {
              "set": {"type": "http", "url": "https://${TOKEN}.example:${PORT:-8443}/mcp"},
              "defaulted": {"url": "${BASE:-http://127.0.0.1:9000}/mcp", "headers": {"X-Home": "${HOME}"}},
              "unset": {"type": "http", "url": "https://${REMOTE_HOST}/mcp"}
            }}
            """#)
        #expect(
            configuration.servers == [
                .http(name: "defaulted", url: URL(string: "http://127.0.0.1:9000/mcp")!, headers: ["X-Home": "/home/ana"]),
                .http(name: "set", url: URL(string: "https://secret-token.example:8443/mcp")!, headers: [:]),
            ])
        #expect(configuration.problems == [#"test.json: server "unset": url uses ${REMOTE_HOST}, which is not set (write ${REMOTE_HOST:-default} for a default)"#])
    }

    @Test func allowedToolsAreReadFromAConfigFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("servers.json")
        try Data(
            #"""
            {"mcpServers": {
              "files": {"command": "setlist", "args": ["serve", "files", "."], "allowedTools": ["read_text_file", "list_directory"]},
              "clock": {"command": "setlist", "args": ["serve", "clock"]},
              "remote": {"url": "https://clock.example/mcp", "allowedTools": []},
              "wrong": {"command": "x", "allowedTools": "read_text_file"}
            }}
            """#.utf8
        ).write(to: file)
        let configuration = try HostConfiguration.load(path: file.path, folder: folder.path, environment: environment)
        #expect(configuration.source == file.path)
        #expect(configuration.servers.map(\.name) == ["clock", "files", "remote"])
        #expect(configuration.allowedTools == ["files": ["read_text_file", "list_directory"], "remote": []])
        #expect(configuration.problems == ["\(file.path): server \"wrong\": \"allowedTools\" must be a list of tool names"])
    }

    @Test func aBadEntryIsNamedAndTheOthersKept() {
        let configuration = parse(
            #"""
            {"mcpServers": {
              "good": {"command": "setlist", "args": ["serve", "clock"]},
              "typo": {"type": "websocket", "url": "ws://x"},
              "nocommand": {"args": ["x"]},
              "unset": {"command": "${NOPE}"},
              "empty": {"command": "x", "args": ["${EMPTY}"]},
              "weird": 7
            }}
            """#)
        #expect(configuration.servers.map(\.name) == ["good"])
        #expect(configuration.problems.count == 5)
        #expect(configuration.problems.contains { $0.contains("\"typo\"") && $0.contains("unknown type \"websocket\"") })
        #expect(configuration.problems.contains { $0.contains("\"nocommand\"") && $0.contains("needs \"command\"") })
        #expect(configuration.problems.contains { $0.contains("\"unset\"") && $0.contains("${NOPE}") })
        #expect(configuration.problems.contains { $0.contains("\"empty\"") && $0.contains("${EMPTY}") })
    }

    @Test func aFileThatIsNotJSONSaysSo() {
        let configuration = parse("{ not json")
        #expect(configuration.servers.isEmpty)
        #expect(configuration.problems.first?.contains("test.json is not JSON") == true)
        #expect(parse(#"{"servers": {}}"#).problems == [#"test.json has no "mcpServers" object"#])
    }

    @Test func withoutAFileSetlistsOwnServersAreUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let standard = try HostConfiguration.load(path: nil, folder: folder.path, environment: [:])
        #expect(standard.servers.map(\.name) == ["spotify", "files", "clock"])
        try Data(#"{"mcpServers": {"only": {"command": "x"}}}"#.utf8).write(to: folder.appendingPathComponent(".mcp.json"))
        #expect(try HostConfiguration.load(path: nil, folder: folder.path, environment: [:]).servers.map(\.name) == ["only"])
        #expect(throws: ConfigurationFileError.self) { try HostConfiguration.load(path: "/nonexistent.json", folder: folder.path, environment: [:]) }
    }

    @Test func variablesExpandAsClaudeDoes() throws {
        #expect(try VariableExpansion.expand("a${X}b${Y:-z}c", ["X": "1"]) == "a1bzc")
        #expect(try VariableExpansion.expand("${X:-}", [:]) == "")
        #expect(try VariableExpansion.expand("no ${ end", [:]) == "no ${ end")
        #expect(throws: VariableExpansion.Missing(variable: "X")) { try VariableExpansion.expand("${X}", [:]) }
    }
}
