import MCP

/// Tool calls to run as one: a later step may take an earlier one's output, written as
/// a string `"{{step.path}}"` in its arguments (`"{{recs.tracks[*].id}}"`).
public struct Plan: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// The name later steps refer to it by.
        public var id: String
        public var server: String
        public var tool: String
        public var arguments: [String: Value]
        /// Steps that must have finished first, besides those its arguments refer to.
        public var after: [String]

        public init(id: String, server: String, tool: String, arguments: [String: Value] = [:], after: [String] = []) {
            self.id = id
            self.server = server
            self.tool = tool
            self.arguments = arguments
            self.after = after
        }
    }

    public var steps: [Step]

    public init(_ steps: [Step]) {
        self.steps = steps
    }
}

/// Why a plan cannot run as written.
public enum PlanError: Error, Equatable, CustomStringConvertible {
    case duplicateStep(String)
    case unknownStep(step: String, refersTo: String)
    case cycle([String])
    case badReference(String)
    case unknownServer(step: String, server: String)

    public var description: String {
        switch self {
        case .duplicateStep(let id): "Two steps are called \(id): give each step its own id."
        case .unknownStep(let step, let other): "Step \(step) refers to \(other), which is no step of the plan."
        case .cycle(let ids): "Steps \(ids.joined(separator: ", ")) wait for each other: none of them could start."
        case .badReference(let text): "'\(text)' is not a reference: write {{step.path}}, such as {{recs.tracks[*].id}}."
        case .unknownServer(let step, let server): "Step \(step) names the server \(server), which is not connected."
        }
    }
}
