import Foundation
import ServerKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths as the kernel reads them: bytes, split at `/`.
///
/// Every comparison and split here works on UTF-8 bytes. Swift's `==`,
/// `hasPrefix`, `Set` and `Dictionary` treat canonically equivalent strings as
/// equal (`café` written with `é`, or with `e` and a combining accent), while a
/// Linux file system sees two different names, two different files: deciding
/// containment on `String` would let one stand in for the other.
enum PathText {
    static let separator = UInt8(ascii: "/")

    // MARK: - Comparing

    /// Whether two paths are the same bytes.
    static func same(_ a: String, _ b: String) -> Bool {
        a.hasSameBytes(as: b)
    }

    /// Byte order, the order `ls` shows in the C locale.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether `path` is `directory` or lies beneath it, byte for byte. A plain
    /// prefix test would let `/a/allow` admit `/a/allow_evil`; the separator must follow.
    static func isWithin(_ path: some Collection<UInt8>, _ directory: String) -> Bool {
        let directory = directory.utf8
        guard path.starts(with: directory) else { return false }
        if directory.last == separator { return true }
        let rest = path.dropFirst(directory.count)
        return rest.isEmpty || rest.first == separator
    }

    static func isWithin(_ path: String, _ directory: String) -> Bool {
        isWithin(path.utf8, directory)
    }

    static func isWithin(_ path: some Collection<UInt8>, anyOf directories: [String]) -> Bool {
        directories.contains { isWithin(path, $0) }
    }

    static func isWithin(_ path: String, anyOf directories: [String]) -> Bool {
        isWithin(path.utf8, anyOf: directories)
    }

    /// `path` relative to `directory`, which it lies beneath.
    static func relative(_ path: String, to directory: String) -> String {
        let skipped = directory.utf8.last == separator ? directory.utf8.count : directory.utf8.count + 1
        return String(Substring(path.utf8.dropFirst(skipped)))
    }

    // MARK: - Building

    static func expandingTilde(_ path: String) -> String {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "~"), bytes.count == 1 || bytes.dropFirst().first == separator else {
            return path
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + String(Substring(bytes.dropFirst()))
    }

    /// `path` made absolute against `base` and normalized without touching the disk:
    /// no `.`, no `..`, no repeated or trailing separators.
    static func absolute(_ path: String, base: String) -> String {
        let joined = path.utf8.first == separator ? path : base + "/" + path
        var parts: [String] = []
        for part in components(of: joined) {
            if same(part, ".") { continue }
            if same(part, "..") {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The names between separators.
    static func components(of path: String) -> [String] {
        path.utf8.split(separator: separator).map { String(Substring($0)) }
    }

    static func parent(of path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: separator), slash != bytes.startIndex else { return "/" }
        return String(Substring(bytes[..<slash]))
    }

    static func lastComponent(of path: String) -> String {
        components(of: path).last ?? "/"
    }

    static func join(_ directory: String, _ name: String) -> String {
        same(directory, "/") ? "/" + name : directory + "/" + name
    }

    // MARK: - Resolving

    /// The path with every symlink resolved, or `nil` if some part does not exist
    /// (`errno` says why). A real path that is not UTF-8 is `nil` with `EILSEQ`:
    /// repaired into a string, it would name another file, or none.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        guard let real = String(validatingCString: resolved) else {
            errno = EILSEQ
            return nil
        }
        return real
    }
}
