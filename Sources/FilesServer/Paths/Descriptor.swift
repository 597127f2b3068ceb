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

    // MARK: - What it is

    func status() throws(FilesError) -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw .system(operation: "inspect", path: "an open file", errno: errno) }
        return info
    }

    /// The path the kernel has for the open file, after whatever symlinks led to it.
    var currentPath: String? {
        #if canImport(Darwin)
            var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
            guard fcntl(raw, F_GETPATH, &buffer) == 0 else { return nil }
            return String(cString: buffer)
        #else
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/fd/\(raw)", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            buffer[count] = 0
            return String(cString: buffer)
        #endif
    }
}

extension stat {
    var isDirectory: Bool { (st_mode & S_IFMT) == S_IFDIR }
    var isRegularFile: Bool { (st_mode & S_IFMT) == S_IFREG }
    var isSymlink: Bool { (st_mode & S_IFMT) == S_IFLNK }
    var permissionBits: mode_t { st_mode & 0o7777 }
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
