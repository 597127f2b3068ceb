import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file a write fills beside its target before renaming it into place, and
/// the removal of those a killed process left behind.
///
/// Names are short and of one length, `.setlist-` and 16 lowercase hex digits and
/// `.tmp` (29 bytes), so that a target of any legal name can be written, and so
/// that Setlist's files are told from a user's by name. The writer holds an
/// exclusive `flock` on its file until it is renamed or removed; the kernel
/// drops that lock when the process dies, which is how a leftover is told from a
/// write in progress, here or in another Setlist process.
struct TemporaryFile: ~Copyable {
    let name: String
    let file: Descriptor

    static let prefix = ".setlist-"
    static let suffix = ".tmp"
    static let digits = 16
    static let nameLength = prefix.utf8.count + digits + suffix.utf8.count

    /// How long a leftover must have gone unmodified before it is removed: far
    /// longer than the moment between creating a temporary file and locking it.
    static let abandonedAfter: TimeInterval = 60

    // MARK: - Writing

    /// Creates a new temporary file in `directory` (never an existing name) and locks it.
    static func create(in directory: borrowing Descriptor, mode: mode_t, shownAs path: String) throws(FilesError) -> TemporaryFile {
        let name = newName()
        let file = try directory.open(name, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode, shownAs: path)
        guard flock(file.raw, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            unlinkat(directory.raw, name, 0)
            throw .system(operation: "lock a temporary file for", path: path, errno: code)
        }
        return TemporaryFile(name: name, file: file)
    }

    static func newName() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return prefix + String(repeating: "0", count: digits - hex.utf8.count) + hex + suffix
    }

    /// Whether `name` has exactly the form of a temporary file's name.
    static func isTemporaryName(_ name: String) -> Bool {
        let bytes = name.utf8
        return bytes.count == nameLength && bytes.starts(with: prefix.utf8)
            && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
            && bytes.dropFirst(prefix.utf8.count).prefix(digits).allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            }
    }

    // MARK: - Leftovers

    /// Removes the temporary files in `directory` that are provably abandoned
    /// writes of Setlist's: a temporary name, a regular file (not a symlink) with
    /// one link, owned by this user, unmodified for ``abandonedAfter``, and not
    /// locked by a writer. Anything else is left alone.
    static func removeLeftovers(in directory: borrowing Descriptor) {
        guard let names = try? directory.names(shownAs: "a directory") else { return }
        for name in names where isTemporaryName(name) {
            removeIfAbandoned(name, in: directory)
        }
    }

    /// Removes the leftovers at the top of each directory.
    static func removeLeftovers(inEach directories: [String]) {
        for path in directories {
            guard let directory = try? Descriptor.open(path, flags: O_RDONLY | O_DIRECTORY) else { continue }
            removeLeftovers(in: directory)
        }
    }

    private static func removeIfAbandoned(_ name: String, in directory: borrowing Descriptor) {
        // Locking needs an open file; a file its owner cannot read may still be writable.
        guard let file = (try? directory.open(name, flags: O_RDONLY | O_NONBLOCK, shownAs: name))
            ?? (try? directory.open(name, flags: O_WRONLY | O_NONBLOCK, shownAs: name)),
            let info = try? file.status(), info.isRegularFile, info.st_nlink == 1, info.st_uid == geteuid(),
            Date().timeIntervalSince1970 - info.modificationTime >= abandonedAfter,
            flock(file.raw, LOCK_EX | LOCK_NB) == 0
        else { return }
        // Only the file just examined, not one put under its name since.
        var named = stat()
        guard fstatat(directory.raw, name, &named, AT_SYMLINK_NOFOLLOW) == 0,
            named.st_dev == info.st_dev, named.st_ino == info.st_ino
        else { return }
        unlinkat(directory.raw, name, 0)
    }
}
