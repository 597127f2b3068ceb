import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where logins are kept: one file per account under the user's data folder
/// (`$XDG_DATA_HOME/setlist`, else `~/.local/share/setlist`), readable by the owner
/// only (0600, in a 0700 folder), and replaced atomically so a crash never leaves
/// half a token file.
public struct TokenStore: Sendable {
    /// Whose login a file holds.
    public enum Account: String, Sendable, CaseIterable {
        /// The person using Setlist.
        case user
        /// The separate account that publishes public mixes.
        case bot
    }

    /// What is saved for a login.
    public struct Login: Codable, Sendable, Equatable {
        public var tokens: UserTokens.Snapshot
        public var userID: String
        public var displayName: String?
        public var clientID: String

        public init(tokens: UserTokens.Snapshot, userID: String, displayName: String?, clientID: String) {
            self.tokens = tokens
            self.userID = userID
            self.displayName = displayName
            self.clientID = clientID
        }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The store in the user's data folder.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> TokenStore {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return TokenStore(directory: base + "/setlist")
    }

    public func path(for account: Account) -> String {
        directory + "/spotify-\(account.rawValue).json"
    }

    public func load(_ account: Account) throws -> Login? {
        guard let data = FileManager.default.contents(atPath: path(for: account)) else { return nil }
        return try JSONDecoder.iso8601.decode(Login.self, from: data)
    }

    public func save(_ login: Login, for account: Account) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder.iso8601.encode(login)
        let target = path(for: account)
        let temporary = target + ".\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotWrite(target, errno) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw StoreError.cannotWrite(target, errno)
        }
    }

    /// Tokens for a saved login that keep this store up to date: a rotated refresh
    /// token is saved, and a login Spotify no longer accepts is removed.
    public func tokens(for login: Login, account: Account, accounts: AccountsClient) -> UserTokens {
        UserTokens(accounts: accounts, snapshot: login.tokens) { [self] snapshot in
            if let snapshot {
                var updated = login
                updated.tokens = snapshot
                try? save(updated, for: account)
            } else {
                try? delete(account)
            }
        }
    }

    public func delete(_ account: Account) throws {
        let target = path(for: account)
        guard FileManager.default.fileExists(atPath: target) else { return }
        try FileManager.default.removeItem(atPath: target)
    }

    public enum StoreError: Error, LocalizedError, Equatable {
        case cannotWrite(String, Int32)

        public var errorDescription: String? {
            switch self {
            case .cannotWrite(let path, let code):
                "Could not save the login to \(path): \(String(cString: strerror(code))). Check that the folder is writable."
            }
        }
    }
}

extension JSONEncoder {
    static var iso8601: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
