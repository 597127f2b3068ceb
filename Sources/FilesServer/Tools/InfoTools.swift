import Foundation
import MCP
import ServerKit

/// `get_file_info` and `list_allowed_directories`.
enum InfoTools {
    /// The facts about one file, as text lines and as typed fields.
    struct FileInfo: ToolOutput, Equatable {
        let content: String
        let size: Int
        let created: String?
        let modified: String
        let accessed: String
        let isDirectory: Bool
        let isFile: Bool
        let permissions: String

        static let outputSchema = JSONSchema.object([
            "content": .string("The facts below as 'key: value' lines"),
            "size": .integer("Size in bytes"),
            "created": .string("Creation time (ISO 8601), where the file system records it").optional,
            "modified": .string("Last modification time (ISO 8601)"),
            "accessed": .string("Last access time (ISO 8601)"),
            "isDirectory": .boolean(),
            "isFile": .boolean(),
            "permissions": .string("Permission bits in octal, such as '644'"),
        ])

        var contentBlocks: [Tool.Content]? { [.plainText(content)] }
    }

    static func getFileInfo(_ files: FilesContext) -> ToolDefinition<PathArgument, FileInfo> {
        ToolDefinition(
            name: "get_file_info",
            title: "Get File Info",
            description: "Retrieve detailed metadata about a file or directory. "
                + "Returns comprehensive information including size, creation time, last modified time, permissions, and type. "
                + "This tool is perfect for understanding file characteristics without reading the actual content. "
                + "Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            let access = files.access()
            let real = try access.paths.existing(input.path)
            let info = try access.openVerified(real, flags: O_RDONLY | O_NONBLOCK).status()
            let attributes = try? FileManager.default.attributesOfItem(atPath: real)
            let iso = ISO8601DateFormatter()
            let created = (attributes?[.creationDate] as? Date).map(iso.string)
            let modified = iso.string(from: (attributes?[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0))
            let accessed = iso.string(from: Date(timeIntervalSince1970: info.accessTime))
            let permissions = String(info.permissionBits & 0o777, radix: 8)
            let lines = [
                "size: \(info.st_size)",
                "created: \(created ?? "unknown")",
                "modified: \(modified)",
                "accessed: \(accessed)",
                "isDirectory: \(info.isDirectory)",
                "isFile: \(info.isRegularFile)",
                "permissions: \(permissions)",
            ]
            return FileInfo(
                content: lines.joined(separator: "\n"), size: Int(info.st_size), created: created, modified: modified,
                accessed: accessed, isDirectory: info.isDirectory, isFile: info.isRegularFile, permissions: permissions)
        }
    }

    static func listAllowedDirectories(_ files: FilesContext) -> ToolDefinition<NoArguments, TextResult> {
        ToolDefinition(
            name: "list_allowed_directories",
            title: "List Allowed Directories",
            description: "Returns the list of directories that this server is allowed to access. "
                + "Subdirectories within these allowed directories are also accessible. "
                + "Use this to understand which directories and their nested paths are available before trying to access files.",
            annotations: .readOnly
        ) { _ in
            TextResult("Allowed directories:\n" + files.directories.joined(separator: "\n"))
        }
    }
}
