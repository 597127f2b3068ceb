import Foundation
import MCP
import ServerKit

/// `write_file`, `edit_file`, `create_directory` and `move_file`.
enum WriteTools {
    struct WriteInput: ToolInput {
        let path: String
        let content: String
        static let schema = JSONSchema.object(["path": .string(), "content": .string()])
    }

    static func writeFile(_ files: FilesContext) -> ToolDefinition<WriteInput, TextResult> {
        ToolDefinition(
            name: "write_file",
            title: "Write File",
            description: "Create a new file or completely overwrite an existing file with new content. "
                + "Use with caution as it will overwrite existing files without warning. "
                + "Handles text content with proper encoding. Only works within allowed directories.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false)
        ) { input in
            try files.access().writeFile(input.path, data: Data(input.content.utf8))
            return TextResult("Successfully wrote to \(input.path)")
        }
    }

    // MARK: - edit_file

    struct EditInput: ToolInput {
        let path: String
        let edits: [LineEdit]
        let dryRun: Bool
        static let schema = JSONSchema.object([
            "path": .string(),
            "edits": .array(
                of: .object([
                    "oldText": .string("Text to search for - must match exactly"),
                    "newText": .string("Text to replace with"),
                ])),
            "dryRun": .boolean("Preview changes using git-style diff format").defaulting(to: false),
        ])
    }

    static func editFile(_ files: FilesContext) -> ToolDefinition<EditInput, TextResult> {
        ToolDefinition(
            name: "edit_file",
            title: "Edit File",
            description: "Make line-based edits to a text file. Each edit replaces exact line sequences with new content. "
                + "Returns a git-style diff showing the changes made. Only works within allowed directories.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false)
        ) { input in
            let access = files.access()
            let real = try access.paths.existing(input.path)
            let original = String(decoding: try access.readFile(real, limit: ReadTools.textLimit), as: UTF8.self)
            let edited = try LineEdits.apply(input.edits, to: original)
            let diff = UnifiedDiff.patch(from: LineEdits.normalizeLineEndings(original), to: edited, path: real)
            if !input.dryRun {
                try access.writeFile(real, data: Data(edited.utf8))
            }
            var fence = "```"
            while diff.contains(fence) { fence += "`" }
            return TextResult("\(fence)diff\n\(diff)\(fence)\n\n")
        }
    }

    // MARK: - create_directory

    static func createDirectory(_ files: FilesContext) -> ToolDefinition<PathArgument, TextResult> {
        ToolDefinition(
            name: "create_directory",
            title: "Create Directory",
            description: "Create a new directory or ensure a directory exists. "
                + "Can create multiple nested directories in one operation. "
                + "If the directory already exists, this operation will succeed silently. "
                + "Perfect for setting up directory structures for projects or ensuring required paths exist. "
                + "Only works within allowed directories.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false)
        ) { input in
            try files.access().createDirectory(input.path)
            return TextResult("Successfully created directory \(input.path)")
        }
    }

    // MARK: - move_file

    struct MoveInput: ToolInput {
        let source: String
        let destination: String
        static let schema = JSONSchema.object(["source": .string(), "destination": .string()])
    }

    static func moveFile(_ files: FilesContext) -> ToolDefinition<MoveInput, TextResult> {
        ToolDefinition(
            name: "move_file",
            title: "Move File",
            description: "Move or rename files and directories. "
                + "Can move files between directories and rename them in a single operation. "
                + "If the destination exists, the operation will fail. "
                + "Works across different directories and can be used for simple renaming within the same directory. "
                + "Both source and destination must be within allowed directories.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false)
        ) { input in
            try files.access().move(input.source, to: input.destination)
            return TextResult("Successfully moved \(input.source) to \(input.destination)")
        }
    }
}
