import Foundation
import Logging
import MCP
import ServerKit

/// What every file tool shares: the allowed directories, which MCP roots may replace.
struct FilesContext: Sendable {
    let allowed: AllowedDirectories

    /// The directories a request may touch: those the server was started with for a
    /// request of the modern era, which has no roots; in the handshake era, the
    /// client's roots when it shared them.
    var directories: [String] {
        RequestEra.current == .modern ? allowed.configured : allowed.current
    }

    /// File access confined to the allowed directories as they are at this moment.
    func access() -> FileSystemAccess {
        FileSystemAccess(allowed: directories)
    }
}

extension MCPService {
    /// The Files server: the reference filesystem server's tools, confined to
    /// `directories`, or to the client's MCP roots when it offers them.
    ///
    /// A file or a missing path among `directories` is skipped with a warning, as
    /// the reference server does; leftovers of killed writes at the top of each
    /// directory are removed.
    ///
    /// - Throws: ``FilesError/noAccessibleDirectories`` when directories were given
    ///   and none of them can be served.
    public static func files(directories: [String], logger: Logger) throws(FilesError) -> MCPService {
        let usable = directories.filter { directory in
            var info = stat()
            guard let real = PathText.realPath(AllowedDirectories.absolute(directory)), stat(real, &info) == 0 else {
                logger.warning("Cannot access directory \(directory), skipping")
                return false
            }
            guard info.isDirectory else {
                logger.warning("\(directory) is not a directory, skipping")
                return false
            }
            return true
        }
        if !directories.isEmpty && usable.isEmpty { throw .noAccessibleDirectories }
        let allowed = AllowedDirectories(usable)
        TemporaryFile.removeLeftovers(inEach: allowed.current)
        return files(allowed: allowed)
    }

    static func files(allowed: AllowedDirectories) -> MCPService {
        let context = FilesContext(allowed: allowed)
        return MCPService(
            name: "setlist-files",
            title: "Setlist Files",
            instructions: "File tools confined to the allowed directories; call list_allowed_directories first.",
            tools: [
                AnyTool(ReadTools.readTextFile(context)),
                AnyTool(ReadTools.readFile(context)),
                AnyTool(ReadTools.readMediaFile(context)),
                AnyTool(ReadTools.readMultipleFiles(context)),
                AnyTool(WriteTools.writeFile(context)),
                AnyTool(WriteTools.editFile(context)),
                AnyTool(WriteTools.createDirectory(context)),
                AnyTool(DirectoryTools.listDirectory(context)),
                AnyTool(DirectoryTools.listDirectoryWithSizes(context)),
                AnyTool(DirectoryTools.directoryTree(context)),
                AnyTool(WriteTools.moveFile(context)),
                AnyTool(DirectoryTools.searchFiles(context)),
                AnyTool(InfoTools.getFileInfo(context)),
                AnyTool(InfoTools.listAllowedDirectories(context)),
            ],
            onInitialized: { connection in
                guard connection.capabilities?.roots != nil else { return }
                await RootsSync.update(allowed, from: connection)
            },
            onRootsChanged: { connection in
                await RootsSync.update(allowed, from: connection)
            })
    }
}

/// Replaces the allowed directories with the client's MCP roots.
enum RootsSync {
    static func update(_ allowed: AllowedDirectories, from connection: ClientConnection) async {
        do {
            let roots = try await connection.listRoots()
            let directories = directories(from: roots)
            guard !directories.isEmpty else {
                connection.logger.notice("The client offered no usable roots; keeping the allowed directories")
                return
            }
            allowed.replace(with: directories)
            connection.logger.info("Allowed directories now follow the client's roots", metadata: ["directories": "\(allowed.current)"])
        } catch {
            connection.logger.warning("Could not read the client's roots", metadata: ["error": "\(error)"])
        }
    }

    /// The existing directories among `file://` roots.
    static func directories(from roots: [Root]) -> [String] {
        roots.compactMap { root in
            guard let url = URL(string: root.uri), url.isFileURL else { return nil }
            let path = PathText.realPath(url.path) ?? url.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return path
        }
    }
}
