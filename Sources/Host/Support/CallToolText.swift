import MCP

extension CallTool.Result {
    /// Its text blocks, a line between each: what a call says, and why a failed one failed.
    var text: String {
        content.compactMap { block -> String? in
            if case .text(let text, _, _) = block { return text }
            return nil
        }.joined(separator: "\n")
    }
}
