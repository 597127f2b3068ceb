import CFileSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations that stay inside the allowed directories even if the tree
/// changes under them.
///
/// Paths are resolved and checked by ``PathGuard``; then every file and directory
/// is opened without following a final symlink and checked again through its open
/// descriptor. Writes go to a temporary file beside the target and are renamed
/// into place, so a reader never sees half a file and a symlink planted at the
/// target is replaced, not followed.
struct FileSystemAccess: Sendable {
    let paths: PathGuard

    init(allowed: [String]) {
        paths = PathGuard(allowed: allowed)
    }

    var allowed: [String] { paths.allowed }

    // MARK: - Opening

    /// Opens an existing file or directory for reading and confirms where it really is.
    func openExisting(_ requested: String, directory: Bool = false) throws(FilesError) -> Descriptor {
        let real = try paths.existing(requested)
        return try openVerified(real, flags: O_RDONLY | (directory ? O_DIRECTORY : 0))
    }

    /// Opens a real path and checks, on the descriptor, that it is still inside.
    func openVerified(_ real: String, flags: Int32) throws(FilesError) -> Descriptor {
        let descriptor: Descriptor
        do {
            descriptor = try Descriptor.open(real, flags: flags)
        } catch .symlinkInTheWay {
            throw .symlinkInTheWay(real, allowed: allowed)
        }
        try confirmInside(descriptor, expected: real)
        return descriptor
    }

    private func confirmInside(_ descriptor: borrowing Descriptor, expected real: String) throws(FilesError) {
        if let current = descriptor.currentPath {
            guard PathText.isWithin(current, anyOf: allowed) else { throw .symlinkInTheWay(real, allowed: allowed) }
            return
        }
        // Without /proc: the open file must be the one the checked path names now.
        let opened = try descriptor.status()
        var named = stat()
        guard let current = PathText.realPath(real), PathText.same(current, real), stat(real, &named) == 0,
            named.st_dev == opened.st_dev, named.st_ino == opened.st_ino
        else { throw .symlinkInTheWay(real, allowed: allowed) }
    }

    // MARK: - Reading

    /// Reads a whole regular file, refusing files larger than `limit`; a cancelled
    /// request stops between chunks.
    func readFile(_ requested: String, limit: Int) throws(FilesError) -> Data {
        let descriptor = try openExisting(requested)
        let info = try descriptor.status()
        guard !info.isDirectory else { throw .notAFile(requested) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(path: requested, bytes: Int(info.st_size), limit: limit) }
        return try Self.readToEnd(descriptor, path: requested, limit: limit)
    }

    static func readToEnd(_ descriptor: borrowing Descriptor, path: String, limit: Int) throws(FilesError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if Task.isCancelled { throw .cancelled }
            let count = chunk.withUnsafeMutableBytes { read(descriptor.raw, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
            if data.count > limit { throw .tooLarge(path: path, bytes: data.count, limit: limit) }
        }
    }

    // MARK: - Writing

    /// Replaces (or creates) a file with `data`, atomically.
    ///
    /// An existing file keeps its permission bits; a symlink inside the allowed
    /// directories is written through to its target, as the path resolves.
    func writeFile(_ requested: String, data: Data) throws(FilesError) {
        let target = try paths.creatable(requested)
        guard target.missing.count <= 1 else {
            let absolute = try paths.absolutePath(requested)
            throw .parentMissing(path: absolute, parent: PathText.parent(of: absolute))
        }
        let (directoryPath, name) =
            target.missing.isEmpty
            ? (PathText.parent(of: target.ancestor), PathText.lastComponent(of: target.ancestor))
            : (target.ancestor, target.missing[0])
        let directory = try openVerified(directoryPath, flags: O_RDONLY | O_DIRECTORY)
        try Self.replace(name, in: directory, shownAs: target.path, with: data)
    }

    /// Writes `data` to a temporary file in `directory`, then renames it over `name`.
    ///
    /// Leftovers of killed writes in `directory` are removed first. A cancelled
    /// request stops between chunks, removes its temporary file and leaves the
    /// target as it was.
    static func replace(
        _ name: String, in directory: borrowing Descriptor, shownAs path: String, with data: Data
    ) throws(FilesError) {
        var existing = stat()
        let exists = fstatat(directory.raw, name, &existing, AT_SYMLINK_NOFOLLOW) == 0
        if exists && existing.isDirectory { throw .notAFile(path) }
        let mode: mode_t = exists && existing.isRegularFile ? existing.permissionBits : 0o644
        TemporaryFile.removeLeftovers(in: directory)
        let temporary = try TemporaryFile.create(in: directory, mode: mode, shownAs: path)
        do throws(FilesError) {
            try writeAll(data, to: temporary.file, path: path)
            if exists && existing.isRegularFile { fchmod(temporary.file.raw, mode) }
            guard fsync(temporary.file.raw) == 0 else { throw .system(operation: "write", path: path, errno: errno) }
            if Task.isCancelled { throw .cancelled }
            guard renameat(directory.raw, temporary.name, directory.raw, name) == 0 else {
                throw .system(operation: "replace", path: path, errno: errno)
            }
        } catch {
            unlinkat(directory.raw, temporary.name, 0)
            throw error
        }
    }

    /// Bytes written between two looks at cancellation.
    static let writeChunk = 1 << 20

    private static func writeAll(_ data: Data, to file: borrowing Descriptor, path: String) throws(FilesError) {
        let failure: FilesError? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                if Task.isCancelled { return .cancelled }
                let written = write(file.raw, buffer.baseAddress! + offset, min(writeChunk, buffer.count - offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    return .system(operation: "write", path: path, errno: errno)
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    // MARK: - Directories

    /// Creates a directory and any missing parents; succeeds if it already exists.
    /// Each level is opened without following symlinks, so none leads outside.
    func createDirectory(_ requested: String) throws(FilesError) {
        let target = try paths.creatable(requested)
        var current = try openVerified(target.ancestor, flags: O_RDONLY | O_DIRECTORY)
        var path = target.ancestor
        for name in target.missing {
            path = PathText.join(path, name)
            if mkdirat(current.raw, name, 0o777) != 0 && errno != EEXIST {
                throw .system(operation: "create directory", path: path, errno: errno)
            }
            do {
                current = try current.open(name, flags: O_RDONLY | O_DIRECTORY, shownAs: path)
            } catch .symlinkInTheWay {
                throw .symlinkInTheWay(path, allowed: allowed)
            }
        }
    }

    /// Moves an entry (a symlink itself, not its target) to a new name, never
    /// replacing anything already there.
    func move(_ source: String, to destination: String) throws(FilesError) {
        let from = try paths.entry(source)
        let to = try paths.creatable(destination)
        let shownDestination = try paths.absolutePath(destination)
        guard !to.missing.isEmpty else { throw .destinationExists(shownDestination) }
        guard to.missing.count == 1 else {
            throw .parentMissing(path: shownDestination, parent: PathText.parent(of: shownDestination))
        }
        let fromDirectory = try openVerified(from.directory, flags: O_RDONLY | O_DIRECTORY)
        let toDirectory = try openVerified(to.ancestor, flags: O_RDONLY | O_DIRECTORY)
        guard setlist_rename_noreplace(fromDirectory.raw, from.name, toDirectory.raw, to.missing[0]) == 0 else {
            switch errno {
            case EEXIST: throw .destinationExists(shownDestination)
            case EXDEV:
                throw .system(operation: "move across file systems to", path: shownDestination, errno: EXDEV)
            case let code: throw .system(operation: "move \(source) to", path: shownDestination, errno: code)
            }
        }
    }

    /// What a directory holds, in byte order of names, with each entry's own kind
    /// and size (a symlink is reported as one, never followed). Temporary files of
    /// writes, in progress or left by a killed process, are not shown.
    func entries(of requested: String) throws(FilesError) -> [DirectoryEntry] {
        let real = try paths.existing(requested)
        let directory = try openVerified(real, flags: O_RDONLY | O_DIRECTORY)
        return try Self.entries(in: directory, path: real)
    }

    static func entries(in directory: borrowing Descriptor, path: String) throws(FilesError) -> [DirectoryEntry] {
        var entries: [DirectoryEntry] = []
        for name in try directory.names(shownAs: path) {
            var info = stat()
            guard fstatat(directory.raw, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if info.isRegularFile && TemporaryFile.isTemporaryName(name) { continue }
            entries.append(DirectoryEntry(name: name, info: info))
        }
        return entries.sorted { PathText.precedes($0.name, $1.name) }
    }
}

/// One name in a directory, described without following it.
struct DirectoryEntry: Sendable {
    enum Kind: Sendable, Equatable {
        case file, directory, symlink, other
    }

    let name: String
    let kind: Kind
    let size: Int

    init(name: String, info: stat) {
        self.name = name
        kind = info.isDirectory ? .directory : info.isRegularFile ? .file : info.isSymlink ? .symlink : .other
        size = Int(info.st_size)
    }

    var isDirectory: Bool { kind == .directory }
}
