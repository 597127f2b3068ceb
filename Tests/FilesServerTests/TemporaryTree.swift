import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory tree made for one test under the system's temporary directory:
/// an allowed directory, a sibling whose name starts like it (or that a Swift
/// `String` cannot tell from it), and an outside directory; the sibling and the
/// outside directory hold a secret. Removed when the test ends.
final class TemporaryTree: Sendable {
    let root: String
    /// Paths of the allowed directory and its sibling below `root`.
    let allowedName: String
    let siblingName: String
    var allowed: String { root + "/" + allowedName }
    var sibling: String { root + "/" + siblingName }
    var outside: String { root + "/outside" }
    /// The sibling, as a path relative to the allowed directory.
    var siblingFromAllowed: String {
        String(repeating: "../", count: allowedName.utf8.split(separator: UInt8(ascii: "/")).count) + siblingName
    }
    static let secret = "the secret outside\n"

    init(allowedName: String = "allow", siblingName: String = "allow_evil") throws {
        self.allowedName = allowedName
        self.siblingName = siblingName
        let base = FileManager.default.temporaryDirectory.path
        let made = base + "/setlist-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        // Resolve the temporary directory itself, which may be a symlink (macOS).
        root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
        for directory in [root + "/" + allowedName, root + "/" + siblingName, root + "/outside", root + "/" + allowedName + "/music"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try write("notes.txt", "one\ntwo\nthree\n")
        try write("music/playlist.m3u", "#EXTM3U\n")
        try Self.secret.write(toFile: outside + "/secret.txt", atomically: false, encoding: .utf8)
        try Self.secret.write(toFile: sibling + "/secret.txt", atomically: false, encoding: .utf8)
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

    /// The names in the allowed directory as the kernel lists them, hidden ones included.
    func namesOnDisk(_ relative: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: allowed + "/" + relative).sorted()
    }

    // MARK: - Names that are not UTF-8

    /// Makes a file at a path given as bytes, which a `String` cannot hold.
    func createFile(bytes path: [UInt8], contents: String) throws {
        let descriptor = Self.withCPath(path) { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).write(contentsOf: Data(contents.utf8))
    }

    func createDirectory(bytes path: [UInt8]) throws {
        guard Self.withCPath(path, { mkdir($0, 0o755) }) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Makes a symlink at `link` whose target is given as bytes.
    func symlink(_ link: String, toBytes target: [UInt8]) throws {
        guard Self.withCPath(target, { posixSymlink($0, link) }) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    static func withCPath<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    // MARK: - Proving nothing changed

    /// Every path under `directory` with its kind and contents, keyed by the bytes
    /// of its name: `String` keys would merge canonically equivalent names.
    func snapshot(of directory: String) -> [[UInt8]: String] {
        var result: [[UInt8]: String] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return result }
        for case let relative as String in enumerator {
            let path = directory + "/" + relative
            if let destination = try? manager.destinationOfSymbolicLink(atPath: path) {
                result[Array(relative.utf8)] = "link -> \(destination)"
            } else if let data = manager.contents(atPath: path) {
                result[Array(relative.utf8)] = "file " + data.base64EncodedString()
            } else {
                result[Array(relative.utf8)] = "dir"
            }
        }
        return result
    }
}

/// The C library's `symlink`, named apart from ``TemporaryTree/symlink(_:to:)``.
private func posixSymlink(_ target: UnsafePointer<CChar>, _ link: String) -> Int32 {
    symlink(target, link)
}
