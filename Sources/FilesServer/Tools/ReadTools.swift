import Foundation
import MCP
import ServerKit

/// `read_text_file` (with its deprecated alias `read_file`), `read_media_file`
/// and `read_multiple_files`.
enum ReadTools {
    /// Text read in one call without `head` or `tail`; more must be read in parts.
    static let textLimit = 10 << 20
    /// Images and audio are sent whole, as base64.
    static let mediaLimit = 50 << 20

    struct TextInput: ToolInput {
        let path: String
        let head: Int?
        let tail: Int?
        static let schema = JSONSchema.object([
            "path": .string("Path of the file to read"),
            "tail": .integer("If provided, returns only the last N lines of the file", minimum: 1).optional,
            "head": .integer("If provided, returns only the first N lines of the file", minimum: 1).optional,
        ])
    }

    static func readTextFile(_ files: FilesContext) -> ToolDefinition<TextInput, TextResult> {
        ToolDefinition(
            name: "read_text_file",
            title: "Read Text File",
            description: "Read the complete contents of a file from the file system as text. "
                + "Handles various text encodings and provides detailed error messages if the file cannot be read. "
                + "Use this tool when you need to examine the contents of a single file. "
                + "Use the 'head' parameter to read only the first N lines of a file, "
                + "or the 'tail' parameter to read only the last N lines of a file. "
                + "Operates on the file as text regardless of extension. Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            TextResult(try readText(input, access: files.access()))
        }
    }

    static func readFile(_ files: FilesContext) -> ToolDefinition<TextInput, TextResult> {
        var definition = readTextFile(files)
        definition.name = "read_file"
        definition.title = "Read File (Deprecated)"
        definition.description =
            "Read the complete contents of a file as text. DEPRECATED: Use read_text_file instead."
        return definition
    }

    static func readText(_ input: TextInput, access: FileSystemAccess) throws(FilesError) -> String {
        if input.head != nil && input.tail != nil { throw .bothHeadAndTail }
        if let head = input.head {
            let file = try access.openExisting(input.path)
            guard try !file.status().isDirectory else { throw .notAFile(input.path) }
            return try LineReading.head(file, lines: head, path: input.path, limit: textLimit)
        }
        if let tail = input.tail {
            let file = try access.openExisting(input.path)
            let info = try file.status()
            guard !info.isDirectory else { throw .notAFile(input.path) }
            return try LineReading.tail(file, lines: tail, size: Int(info.st_size), path: input.path, limit: textLimit)
        }
        return String(decoding: try access.readFile(input.path, limit: textLimit), as: UTF8.self)
    }

    // MARK: - read_media_file

    static let mimeTypes = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "bmp": "image/bmp", "svg": "image/svg+xml", "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg",
        "flac": "audio/flac",
    ]

    static func readMediaFile(_ files: FilesContext) -> ToolDefinition<PathArgument, MediaResult> {
        ToolDefinition(
            name: "read_media_file",
            title: "Read Media File",
            description: "Read an image or audio file. Returns the base64 encoded data and MIME type. "
                + "Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            let access = files.access()
            let real = try access.paths.existing(input.path)
            let data = try access.readFile(real, limit: mediaLimit).base64EncodedString()
            let mimeType = mimeTypes[(real as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
            let type = mimeType.hasPrefix("image/") ? "image" : mimeType.hasPrefix("audio/") ? "audio" : nil
            if let type { return MediaResult(block: .media(type: type, data: data, mimeType: mimeType)) }
            return MediaResult(block: .resource(uri: FileURL.string(forPath: real), mimeType: mimeType, blob: data))
        }
    }

    // MARK: - read_multiple_files

    struct PathsInput: ToolInput {
        let paths: [String]
        static let schema = JSONSchema.object([
            "paths": .array(
                of: .string(),
                "Array of file paths to read. Each path must be a string pointing to a valid file within allowed directories.",
                minItems: 1)
        ])
    }

    static func readMultipleFiles(_ files: FilesContext) -> ToolDefinition<PathsInput, TextResult> {
        ToolDefinition(
            name: "read_multiple_files",
            title: "Read Multiple Files",
            description: "Read the contents of multiple files simultaneously. "
                + "This is more efficient than reading files one by one when you need to analyze or compare multiple files. "
                + "Each file's content is returned with its path as a reference. "
                + "Failed reads for individual files won't stop the entire operation. Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            let access = files.access()
            var parts: [String] = []
            for path in input.paths {
                do throws(FilesError) {
                    let text = String(decoding: try access.readFile(path, limit: textLimit), as: UTF8.self)
                    parts.append("\(path):\n\(text)\n")
                } catch .cancelled {
                    throw FilesError.cancelled
                } catch {
                    parts.append("\(path): Error - \(error.errorDescription ?? "\(error)")")
                }
            }
            return TextResult(parts.joined(separator: "\n---\n"))
        }
    }
}
