import Foundation

/// A directory tree made for one test under the system's temporary directory:
/// an allowed directory, a sibling whose name starts like it, and an outside
/// directory holding a secret. Removed when the test ends.
final class TemporaryTree {
    let root: String
    var allowed: String { root + "/allow" }
    var sibling: String { root + "/allow_evil" }
    var outside: String { root + "/outside" }
    static let secret = "the secret outside\n"

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        let made = base + "/setlist-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        // Resolve the temporary directory itself, which may be a symlink (macOS).
        root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        for directory in [allowed, sibling, outside, allowed + "/music"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try write("notes.txt", "one\ntwo\nthree\n")
        try write("music/playlist.m3u", "#EXTM3U\n")
        try Self.secret.write(toFile: outside + "/secret.txt", atomically: false, encoding: .utf8)
        try "evil\n".write(toFile: sibling + "/bait.txt", atomically: false, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: allowed + "/" + relative, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: allowed + "/" + relative, encoding: .utf8)
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: allowed + "/" + relative, withDestinationPath: destination)
    }

    /// Every path under `directory` with its kind and contents, to prove nothing changed.
    func snapshot(of directory: String) -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return result }
        for case let relative as String in enumerator {
            let path = directory + "/" + relative
            if let destination = try? manager.destinationOfSymbolicLink(atPath: path) {
                result[relative] = "link -> \(destination)"
            } else if let data = manager.contents(atPath: path) {
                result[relative] = "file " + data.base64EncodedString()
            } else {
                result[relative] = "dir"
            }
        }
        return result
    }
}
