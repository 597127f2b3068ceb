import Curation
import Foundation
import GRDB
import Testing

@testable import SpotifyServer

/// How both stores' files are made and moved: private to the user, and a damaged
/// database moved aside with everything SQLite keeps beside it.
@Suite struct DatabaseFileTests {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "note") { $0.column("text", .text) }
        }
        return migrator
    }()

    @Test func aNewFolderIs0700AndItsFilesAre0600() async throws {
        let folder = try TemporaryFolder()
        let data = folder.file("share/setlist")
        let features = FeatureStore(directory: data)
        try await features.remember(["a": TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .spotify)])
        let history = try MixHistory(directory: data)
        _ = try await history.record(StoredMix(
            prompt: "x", createdAt: Date(), target: FeatureTarget(valence: 0.5, energy: 0.5, danceability: 0.5), tracks: []))

        #expect(try permissions(data) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
        #expect(files.contains("features.sqlite") && files.contains("features.sqlite-wal"))
        #expect(files.contains("mixes.sqlite") && files.contains("mixes.sqlite-wal"))
        for name in files {
            #expect(try permissions(data + "/" + name) == 0o600, "\(name)")
        }
    }

    @Test func opensAFileAndAppliesItsMigrationsOnce() throws {
        let folder = try TemporaryFolder()
        let file = DatabaseFile(directory: folder.path, name: "notes.sqlite")
        try file.open(migrator: Self.migrator).write { try $0.execute(sql: "INSERT INTO note VALUES ('kept')") }
        let reopened = try file.open(migrator: Self.migrator)
        #expect(try reopened.read { try String.fetchAll($0, sql: "SELECT text FROM note") } == ["kept"])
        #expect(try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func movingAsideTakesTheCompanionFilesAlong() throws {
        let folder = try TemporaryFolder()
        let file = DatabaseFile(directory: folder.path, name: "features.sqlite")
        for suffix in ["", "-wal", "-shm"] {
            try Data("content\(suffix)".utf8).write(to: URL(fileURLWithPath: file.path + suffix))
        }
        let aside = try file.moveAside(at: Date(timeIntervalSince1970: 1_768_469_400))
        #expect(aside == folder.file("features.sqlite.corrupt-20260115T093000Z"))
        #expect(try folder.names() == [
            "features.sqlite.corrupt-20260115T093000Z", "features.sqlite.corrupt-20260115T093000Z-shm",
            "features.sqlite.corrupt-20260115T093000Z-wal",
        ])
        #expect(FileManager.default.contents(atPath: aside + "-wal") == Data("content-wal".utf8))
    }
}
