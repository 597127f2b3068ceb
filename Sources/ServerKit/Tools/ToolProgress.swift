import MCP

/// Progress of the tool call in this task, sent to the client as
/// `notifications/progress` when the call asked for it (`_meta.progressToken`) and the
/// connection can carry notifications (stdio and stateful HTTP; a stateless POST answers
/// once and has nowhere to send them).
///
/// Task-local, so that a tool reports progress without every tool taking a context:
/// `ToolProgress.report(3, of: 10, "Adding tracks")`.
public struct ToolProgress: Sendable {
    let token: Value
    let send: @Sendable (Value) -> Void

    @TaskLocal static var current: ToolProgress?

    /// Tells the client how far the call is; does nothing when nobody listens.
    public static func report(_ progress: Double, of total: Double? = nil, _ message: String? = nil) {
        guard let current else { return }
        var params: [String: Value] = ["progressToken": current.token, "progress": .double(progress)]
        if let total { params["total"] = .double(total) }
        if let message { params["message"] = .string(message) }
        current.send(.object(params))
    }
}
