import Foundation
import MCP
import ServerKit

@testable import FilesServer

/// The Files server's tools over a temporary tree, called as a client calls them.
struct FilesHarness: Sendable {
    let tree: TemporaryTree
    let service: MCPService

    init(tree: TemporaryTree, allowed: [String]? = nil) {
        self.tree = tree
        service = MCPService.files(allowed: AllowedDirectories(allowed ?? [tree.allowed]))
    }

    func call(_ tool: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await service.callTool(named: tool, arguments: arguments)
    }

    /// The text of a successful call.
    func text(_ tool: String, _ arguments: [String: Value]) async throws -> String {
        let result = try await call(tool, arguments)
        guard result.isError != true else { throw HarnessError.toolFailed(Self.firstText(result)) }
        return Self.firstText(result)
    }

    /// The message of a call that must fail.
    func failure(_ tool: String, _ arguments: [String: Value]) async throws -> String {
        let result = try await call(tool, arguments)
        guard result.isError == true else { throw HarnessError.unexpectedSuccess(Self.firstText(result)) }
        return Self.firstText(result)
    }

    static func firstText(_ result: CallTool.Result) -> String {
        if case .text(let text, _, _)? = result.content.first { return text }
        return ""
    }

    /// Whether `text` holds the bytes of `part`. `String.contains` would also find
    /// a canonically equivalent spelling: `cafe\u{301}` in a message about `café`.
    static func bytes(of text: String, contain part: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(part.utf8)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    enum HarnessError: Error {
        case toolFailed(String)
        case unexpectedSuccess(String)
    }
}
