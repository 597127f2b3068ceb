import Foundation
import GRDB
import Testing

@testable import SpotifyServer

/// What a person reads when a store cannot be used.
@Suite struct StoreErrorTests {
    @Test func sqliteFailuresBecomeTheCaseThatSaysWhatToDo() {
        let path = "/home/someone/.local/share/setlist/mixes.sqlite"
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_BUSY), store: .mixHistory, path: path)
            == .locked(.mixHistory, path: path))
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_NOTADB, message: "file is not a database"),
            store: .mixHistory, path: path) == .damaged(.mixHistory, path: path, reason: "file is not a database"))
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed"),
            store: .mixHistory, path: path) == .damaged(.mixHistory, path: path, reason: "database disk image is malformed"))
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "unable to open database file"),
            store: .featureCache, path: path) == .unavailable(.featureCache, path: path, reason: "unable to open database file"))
    }

    @Test func messagesNameTheFileAndTheWayOut() {
        let path = "/data/setlist/features.sqlite"
        let locked = StoreError.locked(.featureCache, path: path)
        #expect(locked.description.hasPrefix("The feature cache at \(path) is locked by another program (still busy after 2 seconds)."))
        #expect(locked.localizedDescription == locked.description)
        let history = StoreError.damaged(.mixHistory, path: "/data/setlist/mixes.sqlite", reason: "file is not a database")
        #expect(history.description == "The mix history at /data/setlist/mixes.sqlite is damaged (file is not a database). "
            + "Move it away or delete it to start a new history; mixes still work without it.")
        let unavailable = StoreError.unavailable(.featureCache, path: path, reason: "Permission denied")
        #expect(unavailable.description.contains("\(path) (Permission denied). Check that its folder exists and is writable"))
    }

    @Test func aFolderThatCannotBeMadeIsUnavailableNotACrash() async throws {
        let folder = try TemporaryFolder()
        // A file where the data folder should be.
        _ = FileManager.default.createFile(atPath: folder.file("setlist"), contents: Data("x".utf8))
        let store = FeatureStore(directory: folder.file("setlist"))
        await #expect {
            try await store.features(for: ["a"])
        } throws: { error in
            guard case .unavailable(.featureCache, store.path, _) = error as? StoreError else { return false }
            return true
        }
        #expect(throws: StoreError.self) { try MixHistory(directory: folder.file("setlist")) }
    }
}
