import Curation
import Foundation
import GRDB

/// The user's finished mixes in `mixes.sqlite` in their data folder, newest first, and
/// the memory that keeps a new mix from repeating the last few.
///
/// Unlike the feature cache this is the user's own record, so a damaged file is never
/// replaced: opening or reading it throws ``StoreError/damaged(_:path:reason:)``, which
/// names the file and says to move it away. Opening checks the file, so the server
/// learns at start that it must go on without a history. A lock held by another
/// process beyond ``DatabaseFile/busyTimeout`` throws ``StoreError/locked(_:path:)``.
struct MixHistory: MixMemory {
    static let fileName = "mixes.sqlite"
    /// How many of the latest mixes a new one avoids repeating. A count rather than a
    /// period: someone who mixes once a month still gets something new, and someone
    /// who mixes ten times an evening is not left with nothing to choose from.
    static let defaultMemoryDepth = 5

    let file: DatabaseFile
    let memoryDepth: Int
    private let database: DatabaseQueue

    /// Opens the history in `directory`, creating it when missing.
    init(directory: String, memoryDepth: Int = defaultMemoryDepth) throws {
        file = DatabaseFile(directory: directory, name: Self.fileName)
        self.memoryDepth = memoryDepth
        do {
            database = try file.open(migrator: MixSchema.migrator)
        } catch {
            throw StoreError(error, store: .mixHistory, path: file.path)
        }
    }

    /// The history in the user's data folder.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MixHistory {
        try MixHistory(directory: DatabaseFile.standardDirectory(environment: environment))
    }

    var path: String { file.path }

    // MARK: - Recording and reading

    /// Adds a finished mix and returns its id; `mix.id` is ignored.
    func record(_ mix: StoredMix) async throws -> Int64 {
        do {
            return try await database.write { db in
                var row = MixRow(mix)
                row.id = nil
                try row.insert(db)
                guard let id = row.id else { throw DatabaseError(message: "the new mix got no id") }
                for (position, track) in mix.tracks.enumerated() {
                    try MixTrackRow(mixID: id, position: position, track: track).insert(db)
                }
                return id
            }
        } catch {
            throw StoreError(error, store: .mixHistory, path: path)
        }
    }

    /// The latest `limit` mixes, newest first, each with its tracks in order.
    func recent(limit: Int) async throws -> [StoredMix] {
        guard limit > 0 else { return [] }
        do {
            return try await database.read { db in
                let rows = try MixRow.newestFirst().limit(limit).fetchAll(db)
                return try Self.withTracks(rows, db)
            }
        } catch {
            throw StoreError(error, store: .mixHistory, path: path)
        }
    }

    /// One mix with its tracks; `nil` if the history has no mix with this id.
    func mix(id: Int64) async throws -> StoredMix? {
        do {
            return try await database.read { db in
                try Self.withTracks(try MixRow.filter(key: id).fetchAll(db), db).first
            }
        } catch {
            throw StoreError(error, store: .mixHistory, path: path)
        }
    }

    private static func withTracks(_ rows: [MixRow], _ db: Database) throws -> [StoredMix] {
        let tracks = try MixTrackRow.filter(rows.compactMap(\.id).contains(MixTrackRow.Columns.mixID)).fetchAll(db)
        let tracksByMix = Dictionary(grouping: tracks, by: \.mixID)
        return rows.map { row in row.mix(tracks: row.id.flatMap { tracksByMix[$0] } ?? []) }
    }

    // MARK: - MixMemory

    /// The ids of the tracks in the latest ``memoryDepth`` mixes.
    func recentlyMixedTrackIDs() async throws -> Set<String> {
        let depth = memoryDepth
        do {
            return try await database.read { db in
                try String.fetchSet(
                    db,
                    sql: """
                        SELECT DISTINCT trackID FROM mixTrack
                        WHERE mixID IN (SELECT id FROM mix ORDER BY createdAt DESC, id DESC LIMIT ?)
                        """,
                    arguments: [depth])
            }
        } catch {
            throw StoreError(error, store: .mixHistory, path: path)
        }
    }
}
