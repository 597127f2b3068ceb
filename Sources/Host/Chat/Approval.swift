import MCP

/// A tool call the user is asked about before it runs, and why.
public struct ApprovalRequest: Sendable, Equatable {
    public let server: String
    public let tool: String
    public let arguments: [String: Value]
    public let reason: String
}

/// The user's answer: this once, not this time, or this tool from now on.
public enum ApprovalAnswer: String, Sendable, Equatable {
    case yes, no, always
}

/// Who answers approval requests: the person at the terminal, or `--yes`.
public protocol Approver: Sendable {
    func approve(_ request: ApprovalRequest) async -> ApprovalAnswer
}

/// Says yes to everything: `--yes`.
public struct ApproveEverything: Approver {
    public init() {}
    public func approve(_ request: ApprovalRequest) async -> ApprovalAnswer { .yes }
}

/// Which calls need asking about: a tool whose annotations say it may destroy
/// something (by MCP's defaults, every tool not marked read-only or non-destructive),
/// and any tool of a server whose `allowedTools` does not name it. A tool named in
/// `allowedTools` runs without asking.
struct ApprovalPolicy: Sendable {
    /// Per server, the tools its configuration allows; servers with no list are absent.
    let allowedTools: [String: Set<String>]

    /// Why the call must be asked about; `nil` when it may just run.
    func reason(server: String, tool: Tool) -> String? {
        if let allowed = allowedTools[server] {
            if allowed.contains(tool.name) { return nil }
            return "the configuration does not list it in allowedTools"
        }
        let annotations = tool.annotations
        if annotations.readOnlyHint == true || annotations.destructiveHint == false { return nil }
        return annotations.destructiveHint == true
            ? "it may change or delete things" : "it is not marked read-only, so it may change things"
    }
}
