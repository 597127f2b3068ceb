import Foundation
import GRDB
import Logging
import Synchronization
import Testing

/// A fresh folder under the system's temporary folder, removed when the test is done
/// with it.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/setlist-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// The names in the folder, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// Bytes that are no SQLite database: what a disk error or a stray copy leaves.
func garbage(count: Int = 8192) -> Data {
    Data((0..<count).map { _ in UInt8.random(in: 0...255) })
}

/// The permission bits of a file or folder.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int)
}

// MARK: - Another process's lock

/// Runs `body` while a second connection to `path` holds an exclusive transaction on a
/// thread of its own: what another Setlist process writing for a long time looks like
/// to this one.
@discardableResult
func whileLocked<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
    let holder = try DatabaseQueue(path: path)
    let release = DispatchSemaphore(value: 0)
    try await withCheckedThrowingContinuation { (locked: CheckedContinuation<Void, any Error>) in
        Thread.detachNewThread {
            do {
                try holder.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    locked.resume()
                    release.wait()
                    try? db.execute(sql: "ROLLBACK")
                }
            } catch {
                locked.resume(throwing: error)
            }
        }
    }
    defer { release.signal() }
    return try await body()
}

// MARK: - Captured logs

/// Collects every log line with its level and metadata.
final class CapturedLogs: LogHandler, @unchecked Sendable {
    let lines = Mutex<[(level: Logger.Level, text: String)]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var logger: Logger {
        Logger(label: "setlist.store.test") { _ in self }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.withLock { $0.append((event.level, "\(event.message) \(event.metadata ?? [:])")) }
    }
}
