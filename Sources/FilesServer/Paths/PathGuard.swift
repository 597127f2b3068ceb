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
/// Containment is judged on real paths, after every symlink is followed, with a
/// comparison that respects separators; a path that does not exist yet is judged
/// by its nearest existing ancestor. The operations in ``FileSystemAccess`` then
/// check again on the opened descriptors, so a symlink swapped in after this
/// check still leads nowhere outside.
struct PathGuard: Sendable {
    let allowed: [String]

    /// A path that may not exist yet: the real path of its nearest existing
    /// ancestor and the names below it still to create.
    struct Creatable: Equatable {
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
            throw code == ENOENT || code == ENOTDIR
                ? .notFound(absolute) : .system(operation: "resolve", path: absolute, errno: code)
        }
        try requireInside(real, requested: absolute)
        return real
    }

    /// Where a new file or directory at `requested` would be made.
    func creatable(_ requested: String) throws(FilesError) -> Creatable {
        let absolute = try absolutePath(requested)
        let components = absolute.split(separator: "/").map(String.init)
        for existingCount in stride(from: components.count, through: 0, by: -1) {
            let candidate = "/" + components[..<existingCount].joined(separator: "/")
            guard let real = PathText.realPath(candidate) else { continue }
            try requireInside(real, requested: candidate)
            return Creatable(ancestor: real, missing: Array(components[existingCount...]))
        }
        throw .notFound(absolute)
    }

    /// An entry itself, not followed if it is a symlink: its directory's real path and its name.
    func entry(_ requested: String) throws(FilesError) -> (directory: String, name: String) {
        let absolute = try absolutePath(requested)
        guard absolute != "/" else { throw .outsideAllowed(path: absolute, allowed: allowed) }
        let parent = PathText.parent(of: absolute)
        guard let realParent = PathText.realPath(parent) else { throw .notFound(absolute) }
        try requireInside(realParent, requested: parent)
        let name = PathText.lastComponent(of: absolute)
        var status = stat()
        guard lstat(PathText.join(realParent, name), &status) == 0 else { throw .notFound(absolute) }
        guard !allowed.contains(PathText.join(realParent, name)) else {
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
        if expanded.hasPrefix("/") { return PathText.absolute(expanded, base: "/") }
        for directory in allowed {
            let candidate = PathText.absolute(expanded, base: directory)
            if PathText.isWithin(candidate, anyOf: allowed) { return candidate }
        }
        return PathText.absolute(expanded, base: first)
    }

    func requireInside(_ real: String, requested: String) throws(FilesError) {
        guard PathText.isWithin(real, anyOf: allowed) else {
            if real != requested, PathText.isWithin(requested, anyOf: allowed) {
                throw .resolvesOutside(path: requested, target: real, allowed: allowed)
            }
            throw .outsideAllowed(path: requested, allowed: allowed)
        }
    }
}
