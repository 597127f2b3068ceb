import Foundation
import NIOCore
import Testing

@testable import OutgoingHTTPS

@Suite struct KeyLogFileTests {
    static func scratchPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("setlist-keylog-\(UUID().uuidString).log").path
    }

    @Test func linesFromManyThreadsAndTwoOpeningsArriveWholeInAPrivateFile() async throws {
        let path = Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A host and a server it started: two openings of one file.
        let files = [try KeyLogFile(path: path), try KeyLogFile(path: path)]
        let secret = String(repeating: "ab", count: 48)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for line in 0..<200 {
                        let text = "CLIENT_TRAFFIC_SECRET_0 \(String(format: "%064d", writer * 1000 + line)) \(secret)\n"
                        files[writer % 2].callback(ByteBuffer(string: text))
                    }
                }
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the file ends with a newline")
        let written = lines.dropLast()
        #expect(written.count == 1600)
        #expect(written.allSatisfy { $0.split(separator: " ").map(\.count) == [23, 64, 96] }, "no line mixed with another")
        #expect(Set(written).count == 1600)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anExistingKeyLogIsAppendedToNotReplaced() throws {
        let path = Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "CLIENT_RANDOM aa bb\n".write(toFile: path, atomically: false, encoding: .utf8)
        try KeyLogFile(path: path).append(Array("CLIENT_RANDOM cc dd\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "CLIENT_RANDOM aa bb\nCLIENT_RANDOM cc dd\n")
    }

    @Test func aFolderThatIsNotThereIsAClearError() {
        let path = "/nonexistent-\(UUID().uuidString)/keys.log"
        #expect {
            try KeyLogFile(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains(path) && text.contains("No such file or directory") && text.contains("Name a file in a folder that exists")
        }
    }
}
