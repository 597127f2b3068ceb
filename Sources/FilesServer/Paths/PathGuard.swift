import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides where a requested path leads and whether that is inside the allowed
/// directories.
///
/// Containment is judged on real paths, after every symlink is followed, by
/// comparing bytes (``PathText``) with respect for separators; a path that does not exist yet is judged
/// by its nearest existing ancestor. The operations in ``FileSystemAccess`` then
/// check again on the opened descriptors, so a symlink swapped in after this
/// check still leads nowhere outside.
struct PathGuard: Sendable {
    let allowed: [String]

    /// A path that may not exist yet: the real path of its nearest existing
    /// ancestor and the names below it still to create.
    struct Creatable {
        let ancestor: String
        let missing: [String]

        var path: String { missing.reduce(ancestor, PathText.join) }
    }

    // MARK: - Resolving

    /// The real path of an existing file or directory.
    func existing(_ requested: String) throws(FilesError) -> String {
        let absolute = try absolutePath(requested)
        guard let real = PathText.realPath(absolute) else {
            let code = errno
            // A missing path outside is refused as outside, not reported as missing.
            _ = try creatable(absolute)
            switch code {
            case ENOENT, ENOTDIR: throw .notFound(absolute)
            case EILSEQ: throw .notUTF8(absolute)
            default: throw .system(operation: "resolve", path: absolute, errno: code)
            }
        }
        try requireInside(real, requested: absolute)
        return real
    }

    /// Where a new file or directory at `requested` would be made.
    func creatable(_ requested: String) throws(FilesError) -> Creatable {
        let absolute = try absolutePath(requested)
        let components = PathText.components(of: absolute)
        for existingCount in stride(from: components.count, through: 0, by: -1) {
            let candidate = "/" + components[..<existingCount].joined(separator: "/")
            guard let real = PathText.realPath(candidate) else {
                if errno == EILSEQ { throw .notUTF8(candidate) }
                continue
            }
            try requireInside(real, requested: candidate)
            return Creatable(ancestor: real, missing: Array(components[existingCount...]))
        }
        throw .notFound(absolute)
    }

    /// An entry itself, not followed if it is a symlink: its directory's real path and its name.
    func entry(_ requested: String) throws(FilesError) -> (directory: String, name: String) {
        let absolute = try absolutePath(requested)
        guard !PathText.same(absolute, "/") else { throw .outsideAllowed(path: absolute, allowed: allowed) }
        let parent = PathText.parent(of: absolute)
        guard let realParent = PathText.realPath(parent) else { throw .notFound(absolute) }
        try requireInside(realParent, requested: parent)
        let name = PathText.lastComponent(of: absolute)
        var status = stat()
        let path = PathText.join(realParent, name)
        guard lstat(path, &status) == 0 else { throw .notFound(absolute) }
        guard !allowed.contains(where: { PathText.same($0, path) }) else {
            throw .outsideAllowed(path: absolute, allowed: allowed)
        }
        return (realParent, name)
    }

    // MARK: - Checks

    /// The requested path made absolute: relative paths are taken from the first
    /// allowed directory under which they stay.
    func absolutePath(_ requested: String) throws(FilesError) -> String {
        guard !requested.isEmpty else { throw .emptyPath }
        guard !requested.utf8.contains(0) else { throw .nulByte(requested) }
        guard let first = allowed.first else { throw .noAllowedDirectories }
        let expanded = PathText.expandingTilde(requested)
        if expanded.utf8.first == PathText.separator { return PathText.absolute(expanded, base: "/") }
        for directory in allowed {
            let candidate = PathText.absolute(expanded, base: directory)
            if PathText.isWithin(candidate, anyOf: allowed) { return candidate }
        }
        return PathText.absolute(expanded, base: first)
    }

    func requireInside(_ real: String, requested: String) throws(FilesError) {
        guard PathText.isWithin(real, anyOf: allowed) else {
            if !PathText.same(real, requested), PathText.isWithin(requested, anyOf: allowed) {
                throw .resolvesOutside(path: requested, target: real, allowed: allowed)
            }
            throw .outsideAllowed(path: requested, allowed: allowed)
        }
    }
}
