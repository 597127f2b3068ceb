import ArgumentParser
import Foundation
import Testing

@testable import setlist

@Suite struct KeyLogOptionTests {
    /// A key log that cannot be written is refused as the command is read, before any
    /// session it was meant to open.
    @Test(arguments: [["chat", "-p", "hi"], ["mix", "rainy sunday"], ["servers"]])
    func anUnwritableKeyLogIsRefusedAsTheCommandIsRead(command: [String]) {
        let path = "/nonexistent-\(UUID().uuidString)/keys.log"
        do {
            _ = try Setlist.parseAsRoot(command + ["--keylog", path])
            Issue.record("setlist \(command.joined(separator: " ")) took --keylog \(path)")
        } catch {
            let message = Setlist.message(for: error)
            #expect(message.contains("--keylog: Cannot write the TLS key log \(path)"), "\(message)")
            #expect(message.contains("Name a file in a folder that exists"), "\(message)")
        }
    }

    @Test func aWritableKeyLogIsTakenAndMadePrivate() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-keys-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Setlist.parseAsRoot(["mix", "rainy sunday", "--keylog", path])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
