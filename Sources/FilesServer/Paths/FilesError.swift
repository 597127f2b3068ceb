import Foundation

/// Why a file tool refused or failed, worded for the person or model that asked.
///
/// Every refusal about where a path leads names the allowed directories, so the
/// caller can pick a path that works.
public enum FilesError: Error, LocalizedError, Equatable, Sendable {
    case emptyPath
    case nulByte(String)
    case noAllowedDirectories
    case noAccessibleDirectories
    case outsideAllowed(path: String, allowed: [String])
    case resolvesOutside(path: String, target: String, allowed: [String])
    case notFound(String)
    case notUTF8(String)
    case parentMissing(path: String, parent: String)
    case notAFile(String)
    case notADirectory(String)
    case symlinkInTheWay(String, allowed: [String])
    case tooLarge(path: String, bytes: Int, limit: Int)
    case destinationExists(String)
    case editNotFound(String)
    case bothHeadAndTail
    case badPattern(String)
    case cancelled
    case system(operation: String, path: String, errno: Int32)

    public var errorDescription: String? {
        switch self {
        case .emptyPath:
            "The path is empty: give a file or directory inside the allowed directories."
        case .nulByte(let path):
            "The path \(Self.quoted(path)) contains a NUL byte, which no file name can hold."
        case .noAllowedDirectories:
            "No directories are allowed yet: start the server with directories to serve, or let the client share MCP roots."
        case .noAccessibleDirectories:
            "None of the specified directories are accessible: give existing directories (not files) to serve."
        case .outsideAllowed(let path, let allowed):
            "Access denied: \(path) is outside the allowed directories (\(allowed.joined(separator: ", ")))."
        case .resolvesOutside(let path, let target, let allowed):
            "Access denied: \(path) is a symlink (or lies under one) that leads to \(target), outside the allowed directories (\(allowed.joined(separator: ", ")))."
        case .notFound(let path):
            "No such file or directory: \(path)."
        case .notUTF8(let path):
            "\(path) leads to a name that is not valid UTF-8, which this server cannot name without mistaking it for another; rename it (with `mv` in a shell) to use it here."
        case .parentMissing(let path, let parent):
            "Cannot create \(path): its parent directory \(parent) does not exist. Create it with create_directory first."
        case .notAFile(let path):
            "\(path) is a directory, not a file; use list_directory or directory_tree for directories."
        case .notADirectory(let path):
            "\(path) is not a directory."
        case .symlinkInTheWay(let path, let allowed):
            "Access denied: \(path) changed into a symlink while being used; nothing was written outside the allowed directories (\(allowed.joined(separator: ", ")))."
        case .tooLarge(let path, let bytes, let limit):
            "\(path) is \(SizeFormat.string(bytes)), more than the \(SizeFormat.string(limit)) read at once. Read part of it with `head` or `tail` (a number of lines)."
        case .destinationExists(let path):
            "Destination already exists: \(path). Move refuses to overwrite; choose another name or remove it first."
        case .editNotFound(let oldText):
            "Could not find exact match for edit:\n\(oldText)\nRead the file again and copy the text to replace exactly."
        case .bothHeadAndTail:
            "Cannot specify both head and tail parameters simultaneously: pick one."
        case .badPattern(let pattern):
            "'\(pattern)' is not a glob pattern this server understands: use *, **, ?, [abc] and {a,b}."
        case .cancelled:
            "The request was cancelled before it finished; nothing was changed."
        case .system(let operation, let path, let code):
            "Could not \(operation) \(path): \(String(cString: strerror(code)))."
        }
    }

    private static func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "\0", with: "\\0") + "'"
    }
}
