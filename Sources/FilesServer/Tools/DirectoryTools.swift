import Foundation
import MCP
import ServerKit

/// `list_directory`, `list_directory_with_sizes`, `directory_tree` and `search_files`.
///
/// Walks never follow symlinks: a symlink is listed as the entry it is, so no
/// walk leaves the allowed directories or loops. Walks stop when the request is
/// cancelled.
enum DirectoryTools {
    static func listDirectory(_ files: FilesContext) -> ToolDefinition<PathArgument, TextResult> {
        ToolDefinition(
            name: "list_directory",
            title: "List Directory",
            description: "Get a detailed listing of all files and directories in a specified path. "
                + "Results clearly distinguish between files and directories with [FILE] and [DIR] prefixes. "
                + "This tool is essential for understanding directory structure and finding specific files within a directory. "
                + "Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            let entries = try files.access().entries(of: input.path)
            return TextResult(entries.map { "\($0.isDirectory ? "[DIR]" : "[FILE]") \($0.name)" }.joined(separator: "\n"))
        }
    }

    // MARK: - list_directory_with_sizes

    struct SizesInput: ToolInput {
        let path: String
        let sortBy: String
        static let schema = JSONSchema.object([
            "path": .string(),
            "sortBy": .string("Sort entries by name or size", oneOf: ["name", "size"]).defaulting(to: "name"),
        ])
    }

    static func listDirectoryWithSizes(_ files: FilesContext) -> ToolDefinition<SizesInput, TextResult> {
        ToolDefinition(
            name: "list_directory_with_sizes",
            title: "List Directory with Sizes",
            description: "Get a detailed listing of all files and directories in a specified path, including sizes. "
                + "Results clearly distinguish between files and directories with [FILE] and [DIR] prefixes. "
                + "This tool is useful for understanding directory structure and finding specific files within a directory. "
                + "Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            var entries = try files.access().entries(of: input.path)
            if input.sortBy == "size" {
                entries.sort { a, b in
                    let (sizeA, sizeB) = (a.isDirectory ? 0 : a.size, b.isDirectory ? 0 : b.size)
                    return sizeA != sizeB ? sizeA > sizeB : PathText.precedes(a.name, b.name)
                }
            }
            var lines = entries.map { entry in
                // `padding` counts UTF-16 units (as JavaScript's `padEnd` does); a shorter length cuts the name.
                let name = entry.name.padding(toLength: max(30, entry.name.utf16.count), withPad: " ", startingAt: 0)
                let size = entry.isDirectory ? "" : SizeFormat.string(entry.size).leftPadded(to: 10)
                return "\(entry.isDirectory ? "[DIR]" : "[FILE]") \(name) \(size)"
            }
            let fileEntries = entries.filter { !$0.isDirectory }
            lines += [
                "",
                "Total: \(fileEntries.count) files, \(entries.count - fileEntries.count) directories",
                "Combined size: \(SizeFormat.string(fileEntries.reduce(0) { $0 + $1.size }))",
            ]
            return TextResult(lines.joined(separator: "\n"))
        }
    }

    // MARK: - directory_tree

    struct TreeInput: ToolInput {
        let path: String
        let excludePatterns: [String]
        static let schema = JSONSchema.object([
            "path": .string(),
            "excludePatterns": .array(of: .string(), "Glob patterns of paths to leave out").defaulting(to: []),
        ])
    }

    /// One node of `directory_tree`'s JSON; directories always carry `children`.
    struct TreeNode {
        let name: String
        let type: String
        let children: [TreeNode]?

        /// The nodes as JSON indented by two spaces, as `JSON.stringify(tree, null, 2)` writes them.
        static func json(_ nodes: [TreeNode], indent: String = "") -> String {
            guard !nodes.isEmpty else { return "[]" }
            let inner = indent + "  "
            let fields = inner + "  "
            let items = nodes.map { node in
                var lines = [
                    "\(fields)\"name\": \(quoted(node.name))",
                    "\(fields)\"type\": \(quoted(node.type))",
                ]
                if let children = node.children {
                    lines.append("\(fields)\"children\": \(json(children, indent: fields))")
                }
                return "\(inner){\n" + lines.joined(separator: ",\n") + "\n\(inner)}"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        }

        private static func quoted(_ text: String) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
    }

    static func directoryTree(_ files: FilesContext) -> ToolDefinition<TreeInput, TextResult> {
        ToolDefinition(
            name: "directory_tree",
            title: "Directory Tree",
            description: "Get a recursive tree view of files and directories as a JSON structure. "
                + "Each entry includes 'name', 'type' (file/directory), and 'children' for directories. "
                + "Files have no children array, while directories always have a children array (which may be empty). "
                + "The output is formatted with 2-space indentation for readability. Only works within allowed directories.",
            annotations: .readOnly
        ) { input in
            let access = files.access()
            let root = try access.paths.existing(input.path)
            let excluded = try input.excludePatterns.map(ExclusionPattern.init)
            func build(_ directory: String) throws -> [TreeNode] {
                try access.entries(of: directory).compactMap { entry in
                    if Task.isCancelled { throw FilesError.cancelled }
                    let path = PathText.join(directory, entry.name)
                    let relative = PathText.relative(path, to: root)
                    if excluded.contains(where: { $0.excludes(relative) }) { return nil }
                    return TreeNode(
                        name: entry.name, type: entry.isDirectory ? "directory" : "file",
                        children: entry.isDirectory ? try build(path) : nil)
                }
            }
            return TextResult(TreeNode.json(try build(root)))
        }
    }

    // MARK: - search_files

    struct SearchInput: ToolInput {
        let path: String
        let pattern: String
        let excludePatterns: [String]
        static let schema = JSONSchema.object([
            "path": .string(),
            "pattern": .string("Glob pattern matched against paths relative to `path`, such as '*.txt' or '**/*.md'"),
            "excludePatterns": .array(of: .string(), "Glob patterns of paths to leave out").defaulting(to: []),
        ])
    }

    static func searchFiles(_ files: FilesContext) -> ToolDefinition<SearchInput, TextResult> {
        ToolDefinition(
            name: "search_files",
            title: "Search Files",
            description: "Recursively search for files and directories matching a pattern. "
                + "The patterns should be glob-style patterns that match paths relative to the working directory. "
                + "Use pattern like '*.ext' to match files in current directory, and '**/*.ext' to match files in all subdirectories. "
                + "Returns full paths to all matching items. Great for finding files when you don't know their exact location. "
                + "Only searches within allowed directories.",
            annotations: .readOnly
        ) { input in
            let access = files.access()
            let root = try access.paths.existing(input.path)
            let pattern = try Glob(input.pattern)
            let excluded = try input.excludePatterns.map(Glob.init)
            var results: [String] = []
            func search(_ directory: String) throws {
                for entry in try access.entries(of: directory) {
                    if Task.isCancelled { throw FilesError.cancelled }
                    let path = PathText.join(directory, entry.name)
                    // A symlink counts only where it leads inside; it is never descended.
                    if entry.kind == .symlink, (try? access.paths.existing(path)) == nil { continue }
                    let relative = PathText.relative(path, to: root)
                    if excluded.contains(where: { $0.matches(relative) }) { continue }
                    if pattern.matches(relative) { results.append(path) }
                    if entry.isDirectory { try search(path) }
                }
            }
            try search(root)
            return TextResult(results.isEmpty ? "No matches found" : results.joined(separator: "\n"))
        }
    }
}

/// An `excludePatterns` entry of `directory_tree`: a glob, and a plain name also
/// leaves out whatever of that name lies anywhere below, as in the reference server.
struct ExclusionPattern {
    private let globs: [Glob]

    init(_ pattern: String) throws {
        globs =
            pattern.utf8.contains(UInt8(ascii: "*"))
            ? [try Glob(pattern)] : [try Glob(pattern), try Glob("**/" + pattern), try Glob("**/" + pattern + "/**")]
    }

    func excludes(_ relativePath: String) -> Bool {
        globs.contains { $0.matches(relativePath) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
