import Foundation
import Testing

@testable import Host

/// The eras remembered across runs, in a small JSON file.
@Suite struct EraMemoryTests {
    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("setlist-eras-\(UUID().uuidString)/server-eras.json").path
    }

    @Test func erasSurviveInTheFile() throws {
        let file = Self.temporaryFile()
        let clock = EraMemory.key(ServerCommand(name: "clock", executable: "/usr/bin/setlist", arguments: ["serve", "clock"]))
        let peer = EraMemory.key(name: "peer", url: URL(string: "http://127.0.0.1:8000/mcp")!)
        let memory = EraMemory(file: file)
        #expect(memory.era(of: clock) == nil)
        memory.remember(.handshake, of: clock)
        memory.remember(.modern, of: peer)
        let later = EraMemory(file: file)
        #expect(later.era(of: clock) == .handshake && later.era(of: peer) == .modern)
        // What another process wrote since is kept.
        later.remember(.modern, of: clock)
        memory.remember(.modern, of: "another")
        let last = EraMemory(file: file)
        #expect(last.era(of: clock) == .modern && last.era(of: peer) == .modern && last.era(of: "another") == .modern)
    }

    @Test func aDamagedFileIsLearntAgain() throws {
        let file = Self.temporaryFile()
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: file))
        let memory = EraMemory(file: file)
        #expect(memory.era(of: "clock") == nil)
        memory.remember(.handshake, of: "clock")
        #expect(EraMemory(file: file).era(of: "clock") == .handshake)
        try Data(#"{"servers":{"clock":"telepathy"}}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(EraMemory(file: file).era(of: "clock") == nil)
    }

    @Test func theFileIsInTheUsersCacheFolder() {
        #expect(EraMemory.standardFile(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/setlist/server-eras.json")
        #expect(EraMemory.standardFile(environment: ["XDG_CACHE_HOME": "", "HOME": "/h"]) == "/h/.cache/setlist/server-eras.json")
    }

    @Test func keysTellServersApart() {
        let one = ServerCommand(name: "files", executable: "/bin/setlist", arguments: ["serve", "files", "/a"])
        var two = one
        two.arguments[2] = "/b"
        #expect(EraMemory.key(one) != EraMemory.key(two))
        #expect(EraMemory.key(name: "a", url: URL(string: "http://h/mcp")!) != EraMemory.key(name: "b", url: URL(string: "http://h/mcp")!))
        // Arguments and URLs may hold tokens: only the name is kept as it is.
        let secret = EraMemory.key(ServerCommand(name: "api", executable: "/bin/api", arguments: ["--token", "s3cret"]))
        let url = EraMemory.key(name: "api", url: URL(string: "https://h/mcp?key=s3cret")!)
        #expect(secret.hasPrefix("stdio api ") && !secret.contains("s3cret") && url.hasPrefix("http api ") && !url.contains("s3cret"))
    }
}
