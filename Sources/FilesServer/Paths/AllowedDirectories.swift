import Foundation
import Synchronization

/// The directories the Files server may touch, held as resolved real paths.
///
/// Set from the command line at start, replaced by the client's MCP roots when it
/// offers them. Reads are synchronous and cheap: every tool call takes a snapshot.
public final class AllowedDirectories: Sendable {
    private let paths: Mutex<[String]>
    /// The directories the server was started with, which roots do not change.
    public let configured: [String]

    /// Resolves each directory: `~` expanded, made absolute, symlinks followed.
    public init(_ directories: [String]) {
        configured = Self.resolve(directories)
        paths = Mutex(configured)
    }

    public var current: [String] { paths.withLock { $0 } }

    public func replace(with directories: [String]) {
        let resolved = Self.resolve(directories)
        paths.withLock { $0 = resolved }
    }

    /// Duplicates are dropped by bytes: `café` and `cafe\u{301}` are two directories.
    static func resolve(_ directories: [String]) -> [String] {
        var resolved: [String] = []
        for directory in directories {
            let absolute = absolute(directory)
            let real = PathText.realPath(absolute) ?? absolute
            if !resolved.contains(where: { PathText.same($0, real) }) { resolved.append(real) }
        }
        return resolved
    }

    /// `directory` with `~` expanded, made absolute against the working directory.
    static func absolute(_ directory: String) -> String {
        PathText.absolute(PathText.expandingTilde(directory), base: FileManager.default.currentDirectoryPath)
    }
}
