import Foundation
import GRDB
import SpotifyAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One of Setlist's SQLite files in the user's data folder (the folder logins are kept
/// in, see `TokenStore`): opened the same way for both stores, so that both are private
/// to the user, wait the same short while for another process, and migrate their
/// schema on open.
struct DatabaseFile: Sendable {
    /// How long a call waits for another process's lock before it gives up: long
    /// enough for another Setlist's write, short enough for a tool call.
    static let busyTimeout: TimeInterval = 2

    /// The data folder, created 0700 when missing.
    let directory: String
    /// The file's name in it: `features.sqlite`.
    let name: String

    init(directory: String, name: String) {
        self.directory = directory
        self.name = name
    }

    /// The user's data folder, where logins are kept too: `$XDG_DATA_HOME/setlist`,
    /// else `~/.local/share/setlist`.
    static func standardDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        TokenStore.standard(environment: environment).directory
    }

    var path: String {
        directory + "/" + name
    }

    /// The endings of the files SQLite keeps beside the database in WAL mode: they
    /// belong to it and move with it (a stale `-wal` must never meet a new database).
    static let companionSuffixes = ["-wal", "-shm"]

    // MARK: - Opening

    /// Opens the file and brings its schema up to date, creating the folder (0700)
    /// and the file (0600) first when they are missing. Throws SQLite's errors as
    /// they are, so that a caller can tell damage from a lock.
    func open(migrator: DatabaseMigrator) throws -> DatabaseQueue {
        try createMissingFile()
        let queue = try DatabaseQueue(path: path, configuration: Self.configuration)
        try migrator.migrate(queue)
        return queue
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        // Waits for another process's lock, then fails with SQLITE_BUSY, never hangs.
        configuration.busyMode = .timeout(busyTimeout)
        // Readers are not blocked by another process writing.
        configuration.journalMode = .wal
        configuration.label = "setlist.store"
        return configuration
    }

    /// The folder as `TokenStore` makes it, and an empty file (a valid empty database)
    /// made 0600 before SQLite creates it with its default mode. SQLite then gives its
    /// `-wal` and `-shm` files the database's mode.
    private func createMissingFile() throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try createPrivateFile(atPath: path)
    }

    // MARK: - Moving a damaged file aside

    /// Renames the file and its WAL companions to `<name>.corrupt-<UTC time>` (with a
    /// counter when that name is taken), and returns the new path of the database
    /// file. A file another process already moved is not an error.
    func moveAside(at date: Date) throws -> String {
        let stamp = Self.stampFormatter.string(from: date)
        var aside = path + ".corrupt-" + stamp
        var counter = 1
        while FileManager.default.fileExists(atPath: aside) {
            counter += 1
            aside = path + ".corrupt-" + stamp + "-\(counter)"
        }
        for suffix in [""] + Self.companionSuffixes where rename(path + suffix, aside + suffix) != 0 {
            guard errno == ENOENT else { throw POSIXFailure(operation: "move aside", code: errno) }
        }
        return aside
    }

    /// `20260115T093000Z`: sortable, and free of characters file systems dislike.
    private static var stampFormatter: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return formatter
    }
}

// MARK: - System call failures

/// A system call on a store file that failed, with the system's words for why.
struct POSIXFailure: Error, LocalizedError {
    let operation: String
    let code: Int32

    var errorDescription: String? {
        "could not \(operation) the file: \(String(cString: strerror(code)))"
    }
}

/// Creates an empty file readable by the owner only, unless something is there
/// already. (Outside `DatabaseFile`, whose `open(migrator:)` hides `open(2)`.)
private func createPrivateFile(atPath path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 {
        guard errno == EEXIST else { throw POSIXFailure(operation: "create", code: errno) }
        return
    }
    defer { close(descriptor) }
    // The umask may have taken bits away; 0600 exactly.
    guard fchmod(descriptor, 0o600) == 0 else { throw POSIXFailure(operation: "protect", code: errno) }
}
