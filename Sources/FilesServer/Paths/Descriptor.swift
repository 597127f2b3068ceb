import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file descriptor, closed when it goes out of scope.
struct Descriptor: ~Copyable {
    let raw: Int32

    init(_ raw: Int32) {
        self.raw = raw
    }

    deinit {
        close(raw)
    }

    /// Opens `path` without following a symlink in its last component.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0) throws(FilesError) -> Descriptor {
        let raw = path.withCString { posixOpen($0, flags | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard raw >= 0 else { throw Self.failure(opening: path) }
        return Descriptor(raw)
    }

    /// Opens `name` inside this directory without following a symlink.
    func open(_ name: String, flags: Int32, mode: mode_t = 0, shownAs path: String) throws(FilesError) -> Descriptor {
        let child = name.withCString { openat(raw, $0, flags | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard child >= 0 else { throw Self.failure(opening: path) }
        return Descriptor(child)
    }

    private static func failure(opening path: String) -> FilesError {
        switch errno {
        case ENOENT: .notFound(path)
        case ELOOP, EMLINK: .symlinkInTheWay(path, allowed: [])
        case ENOTDIR: .notADirectory(path)
        case EISDIR: .notAFile(path)
        case let code: .system(operation: "open", path: path, errno: code)
        }
    }

    // MARK: - What it holds

    /// The names in this directory, without `.` and `..`. A name that is not
    /// UTF-8 is left out: repaired into a string it would name another file, or none.
    func names(shownAs path: String) throws(FilesError) -> [String] {
        let copy = dup(raw)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw .system(operation: "list", path: path, errno: errno)
        }
        defer { closedir(stream) }
        // The copy shares its position with this descriptor, which may have been read before.
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(validatingCString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let name, !PathText.same(name, "."), !PathText.same(name, "..") else { continue }
            names.append(name)
        }
        return names
    }

    // MARK: - What it is

    func status() throws(FilesError) -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw .system(operation: "inspect", path: "an open file", errno: errno) }
        return info
    }

    /// The bytes of the path the kernel has for the open file, after whatever
    /// symlinks led to it; `nil` where the system cannot say. Kept as bytes: a
    /// name that is not UTF-8 must not be repaired into another one.
    var currentPath: [UInt8]? {
        #if canImport(Darwin)
            var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
            guard fcntl(raw, F_GETPATH, &buffer) == 0 else { return nil }
            return buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        #else
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/fd/\(raw)", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            return buffer.prefix(count).map { UInt8(bitPattern: $0) }
        #endif
    }
}

extension stat {
    var isDirectory: Bool { (st_mode & S_IFMT) == S_IFDIR }
    var isRegularFile: Bool { (st_mode & S_IFMT) == S_IFREG }
    var isSymlink: Bool { (st_mode & S_IFMT) == S_IFLNK }
    var permissionBits: mode_t { st_mode & 0o7777 }

    var modificationTime: TimeInterval {
        #if canImport(Darwin)
            TimeInterval(st_mtimespec.tv_sec)
        #else
            TimeInterval(st_mtim.tv_sec)
        #endif
    }

    var accessTime: TimeInterval {
        #if canImport(Darwin)
            TimeInterval(st_atimespec.tv_sec)
        #else
            TimeInterval(st_atim.tv_sec)
        #endif
    }
}

/// The C library's `open`, named apart from ``Descriptor/open(_:flags:mode:)``.
private func posixOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
        Glibc.open(path, flags, mode)
    #elseif canImport(Musl)
        Musl.open(path, flags, mode)
    #else
        Darwin.open(path, flags, mode)
    #endif
}
