import Curation
import Foundation
import GRDB
import Logging

/// Curation's feature cache in `features.sqlite` in the user's data folder, so that a
/// track is analysed once a month rather than once a mix.
///
/// The file is opened on first use, so a lock or a bad file never stops the server from
/// starting. It is only a cache: a damaged file is moved aside (`features.sqlite.corrupt-
/// <time>`, kept for a look) and a new one started, with a warning in the log. A lock
/// held by another process beyond ``DatabaseFile/busyTimeout`` throws
/// ``StoreError/locked(_:path:)``, which the recommender notes and goes on without.
actor FeatureStore: FeatureCache {
    static let fileName = "features.sqlite"
    /// How long a measurement is trusted; ReccoBeats' analyses rarely change.
    static let defaultExpiry: TimeInterval = 30 * 24 * 60 * 60
    /// Ids a query; SQLite allows at least 999 parameters a statement.
    static let idsPerQuery = 500

    nonisolated let file: DatabaseFile
    nonisolated let expiry: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// Nil until first use, and after a damaged file was moved aside.
    private var database: DatabaseQueue?

    /// Opening the file may wait for another process's lock, up to the busy timeout:
    /// the actor runs where waiting blocks no one else.
    private let executor = QueueExecutor(label: "setlist.store.features")
    nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// - Parameters:
    ///   - directory: the folder of `features.sqlite`; see ``standard(environment:logger:)``.
    ///   - expiry: how old an entry may be and still be returned.
    ///   - now: the clock entries are dated and expired by.
    init(
        directory: String, expiry: TimeInterval = defaultExpiry, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "setlist.store")
    ) {
        file = DatabaseFile(directory: directory, name: Self.fileName)
        self.expiry = expiry
        self.now = now
        self.logger = logger
    }

    /// The cache in the user's data folder.
    static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "setlist.store")
    ) -> FeatureStore {
        FeatureStore(directory: DatabaseFile.standardDirectory(environment: environment), logger: logger)
    }

    nonisolated var path: String { file.path }

    // MARK: - FeatureCache

    func features(for ids: [String]) async throws -> [String: TrackFeatures] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let oldest = now().addingTimeInterval(-expiry).timeIntervalSince1970
        let rows = try await using { database in
            try await database.read { db in
                try stride(from: 0, to: unique.count, by: Self.idsPerQuery).flatMap { start in
                    try FeatureRow
                        .filter(keys: unique[start..<min(start + Self.idsPerQuery, unique.count)])
                        .filter(FeatureRow.Columns.fetchedAt >= oldest)
                        .fetchAll(db)
                }
            }
        }
        logger.debug("Feature cache answered", metadata: ["asked": "\(unique.count)", "found": "\(rows.count)"])
        return Dictionary(rows.compactMap { row in row.features.map { (row.trackID, $0) } }) { first, _ in first }
    }

    /// Keeps the measured features and drops expired entries in the same write;
    /// estimates are ignored.
    func remember(_ features: [String: TrackFeatures]) async throws {
        let fetchedAt = now()
        let rows = features.compactMap { FeatureRow(trackID: $0.key, features: $0.value, fetchedAt: fetchedAt) }
        guard !rows.isEmpty else { return }
        let oldest = fetchedAt.addingTimeInterval(-expiry).timeIntervalSince1970
        let pruned = try await using { database in
            try await database.write { db in
                for row in rows {
                    try row.insert(db, onConflict: .replace)
                }
                return try FeatureRow.filter(FeatureRow.Columns.fetchedAt < oldest).deleteAll(db)
            }
        }
        logger.debug("Feature cache remembered", metadata: ["stored": "\(rows.count)", "expired": "\(pruned)"])
    }

    // MARK: - Opening and rebuilding

    /// Runs `body` on the open database; when SQLite finds the file damaged, moves it
    /// aside and runs `body` once more on a new one. Every failure leaves as a
    /// ``StoreError``.
    private func using<T: Sendable>(_ body: (DatabaseQueue) async throws -> T) async throws -> T {
        do {
            let database = try openedDatabase()
            do {
                return try await body(database)
            } catch let error as DatabaseError where error.isDamage {
                try rebuild(replacing: database, because: error)
                return try await body(openedDatabase())
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StoreError(error, store: .featureCache, path: path)
        }
    }

    /// The open database, opening it first if needed (waiting up to the busy timeout
    /// if another process is migrating it) and replacing a damaged file.
    private func openedDatabase() throws -> DatabaseQueue {
        if let database { return database }
        let opened: DatabaseQueue
        do {
            opened = try file.open(migrator: FeatureRow.migrator)
        } catch let error as DatabaseError where error.isDamage {
            try moveAside(because: error)
            opened = try file.open(migrator: FeatureRow.migrator)
        }
        database = opened
        return opened
    }

    /// Closes `damaged` and moves its file aside, unless a call that met the damage
    /// while this one waited has done so already.
    private func rebuild(replacing damaged: DatabaseQueue, because error: DatabaseError) throws {
        guard database === damaged else { return }
        database = nil
        // A connection that will not close keeps its open file; the rename below still
        // takes the path away from it.
        try? damaged.close()
        try moveAside(because: error)
    }

    private func moveAside(because error: DatabaseError) throws {
        let aside: String
        do {
            aside = try file.moveAside(at: now())
        } catch let moveError {
            throw StoreError.damaged(
                .featureCache, path: path, reason: "\(error.reason); \(moveError.localizedDescription)")
        }
        logger.warning(
            "The feature cache was damaged; moved it aside and started an empty one",
            metadata: ["path": "\(path)", "movedTo": "\(aside)", "reason": "\(error.reason)"])
    }
}
