import Foundation
import GRDB

/// Why one of Setlist's SQLite files could not be used, in words a person can act on:
/// which file, what is wrong with it, and what to do. Mixes still work without either
/// store, so every message says so.
enum StoreError: Error, Equatable, Sendable {
    /// Which of the two files.
    enum Store: String, Sendable {
        case featureCache = "feature cache"
        case mixHistory = "mix history"
    }

    /// Another program holds the file's lock beyond the busy timeout.
    case locked(Store, path: String)
    /// The file is not a database or its pages are damaged. The feature cache only
    /// reports this when it could not replace the file itself.
    case damaged(Store, path: String, reason: String)
    /// The folder or file cannot be created, opened, read or written.
    case unavailable(Store, path: String, reason: String)

    var store: Store {
        switch self {
        case .locked(let store, _), .damaged(let store, _, _), .unavailable(let store, _, _): store
        }
    }

    var path: String {
        switch self {
        case .locked(_, let path), .damaged(_, let path, _), .unavailable(_, let path, _): path
        }
    }
}

// MARK: - Messages

extension StoreError: CustomStringConvertible, LocalizedError {
    var description: String {
        switch self {
        case .locked(let store, let path):
            "The \(store.rawValue) at \(path) is locked by another program (still busy after "
                + "\(Int(DatabaseFile.busyTimeout)) seconds). Try again in a moment; if it stays locked, "
                + "quit other Setlist processes. Mixes still work without it."
        case .damaged(.mixHistory, let path, let reason):
            "The mix history at \(path) is damaged (\(reason)). Move it away or delete it to start a new "
                + "history; mixes still work without it."
        case .damaged(.featureCache, let path, let reason):
            "The feature cache at \(path) is damaged (\(reason)) and could not be replaced. Delete it; "
                + "Setlist builds a new one. Mixes still work without it."
        case .unavailable(let store, let path, let reason):
            "Could not use the \(store.rawValue) at \(path) (\(reason)). Check that its folder exists and "
                + "is writable by you. Mixes still work without it."
        }
    }

    var errorDescription: String? { description }
}

// MARK: - From SQLite's errors

extension StoreError {
    /// The store error a failure on `path` means. Locks and damage have their own
    /// cases because they call for different actions; anything else is "unavailable".
    init(_ error: any Error, store: Store, path: String) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? DatabaseError {
            if error.isBusy {
                self = .locked(store, path: path)
            } else if error.isDamage {
                self = .damaged(store, path: path, reason: error.reason)
            } else {
                self = .unavailable(store, path: path, reason: error.reason)
            }
        } else {
            self = .unavailable(store, path: path, reason: error.localizedDescription)
        }
    }
}

extension DatabaseError {
    /// Another connection holds a lock SQLite waited for in vain.
    var isBusy: Bool {
        resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED
    }

    /// The file is not a database, or its pages do not hold together.
    var isDamage: Bool {
        resultCode == .SQLITE_CORRUPT || resultCode == .SQLITE_NOTADB
    }

    /// SQLite's own words for the failure, without the SQL that met it.
    var reason: String {
        message ?? "SQLite error \(extendedResultCode.rawValue)"
    }
}
