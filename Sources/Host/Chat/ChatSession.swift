import Foundation
import MCP
import ServerKit

/// A conversation between a model and the connected servers' tools: each user message
/// runs model turns and the tool calls they ask for, until the model answers without
/// calling a tool or the step limit is reached.
public actor ChatSession {
    /// What happens during a reply, for the terminal.
    public enum Event: Sendable {
        /// Text of the model's answer as it streams in.
        case text(String)
        /// A model turn ended; `hadText` when it said something.
        case turnEnded(hadText: Bool)
        case toolStarted(server: String, tool: String, arguments: [String: Value])
        case toolProgress(server: String, tool: String, CallProgress)
        /// A call that ran; `cut` characters of its result did not reach the model.
        case toolFinished(server: String, tool: String, isError: Bool, cut: Int)
        case toolDenied(server: String, tool: String)
    }

    public struct Settings: Sendable {
        /// Model calls allowed for one user message.
        public var maxSteps: Int
        /// Characters of one tool result the model is given.
        public var resultLimit: Int
        public var system: String

        public init(maxSteps: Int = 10, resultLimit: Int = 30_000, system: String = ChatSession.defaultSystem) {
            self.maxSteps = maxSteps
            self.resultLimit = resultLimit
            self.system = system
        }
    }

    public static let defaultSystem = """
        You are Setlist, an assistant that makes music fit the user's moment. You reach MCP servers through tools named \
        server__tool: Spotify (mood analysis, recommendations, playlists, playback), files in allowed folders, a clock, \
        and any others configured. Prefer execute_plan when several calls depend on each other. Answer briefly.
        """

    let model: any LanguageModel
    let toolbox: Toolbox
    let approver: any Approver
    let settings: Settings
    private(set) var messages: [ChatMessage] = []
    /// Model names of tools the user said `always` to.
    private var alwaysAllowed: Set<String> = []
    /// Whether a reply is under way: the conversation takes one message at a time, or
    /// its tool calls and results would interleave.
    private var replying = false

    public init(model: any LanguageModel, toolbox: Toolbox, approver: any Approver, settings: Settings = Settings()) {
        self.model = model
        self.toolbox = toolbox
        self.approver = approver
        self.settings = settings
    }

    // MARK: - Replies

    /// Answers one user message.
    /// - Throws: `ModelError` when the model cannot be asked (the message is then taken
    ///   back, so the conversation can go on); `ChatBusy` while another message is being
    ///   answered. Tool failures go back to the model instead.
    public func send(_ text: String, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> ChatReply {
        guard !replying else { throw ChatBusy() }
        replying = true
        defer { replying = false }
        let start = messages.count
        messages.append(.user(text))
        var reply = ChatReply(text: "", steps: 0, calls: [], outcome: .answered)
        while true {
            let request = ModelRequest(system: settings.system, messages: messages, tools: toolbox.modelTools)
            let turn: ModelTurn
            do {
                turn = try await model.respond(to: request) { onEvent(.text($0)) }
            } catch {
                // A message no model call answered is taken back; turns that ran tools stay.
                if messages.count == start + 1 { messages.removeLast() }
                throw error
            }
            reply.steps += 1
            reply.text = turn.text
            let hasText = !turn.text.allSatisfy(\.isWhitespace)
            onEvent(.turnEnded(hadText: hasText))
            // An empty turn is not kept: the providers refuse an assistant message with nothing in it.
            if hasText || !turn.toolCalls.isEmpty { messages.append(.assistant(turn)) }
            guard !turn.toolCalls.isEmpty else {
                if turn.stopReason == .maxTokens { reply.outcome = .truncated }
                return reply
            }
            guard reply.steps < settings.maxSteps else {
                // The conversation still answers every call, so that it can go on.
                messages.append(
                    .toolResults(
                        turn.toolCalls.map {
                            ModelToolResult(callID: $0.id, text: "Not run: the step limit (\(settings.maxSteps)) was reached.", isError: true)
                        }))
                reply.outcome = .stepLimit(pending: turn.toolCalls.map(\.name))
                return reply
            }
            let results = await run(turn.toolCalls, onEvent: onEvent)
            reply.calls += results.map(\.record)
            messages.append(.toolResults(results.map(\.result)))
        }
    }

    // MARK: - Tool calls

    private struct Ran: Sendable {
        let result: ModelToolResult
        let record: ChatReply.Call
    }

    /// Asks about the calls that need it, one at a time, then runs the allowed ones side
    /// by side; results come back in the calls' order.
    private func run(_ calls: [ModelToolCall], onEvent: @escaping @Sendable (Event) -> Void) async -> [Ran] {
        var work: [(Int, @Sendable () async -> Ran)] = []
        var answered: [Int: Ran] = [:]
        for (index, call) in calls.enumerated() {
            switch await prepare(call, onEvent: onEvent) {
            case .answered(let ran): answered[index] = ran
            case .run(let body): work.append((index, body))
            }
        }
        let ran = await withTaskGroup(of: (Int, Ran).self) { group in
            for (index, body) in work { group.addTask { (index, await body()) } }
            var ran = answered
            for await (index, result) in group { ran[index] = result }
            return ran
        }
        return calls.indices.map { ran[$0]! }
    }

    private enum Prepared {
        case answered(Ran)
        case run(@Sendable () async -> Ran)
    }

    private func prepare(_ call: ModelToolCall, onEvent: @escaping @Sendable (Event) -> Void) async -> Prepared {
        func refuse(_ text: String, server: String = "", tool: String? = nil) -> Prepared {
            .answered(
                Ran(
                    result: ModelToolResult(callID: call.id, text: text, isError: true),
                    record: ChatReply.Call(server: server, tool: tool ?? call.name, isError: true)))
        }
        if let problem = call.malformedArguments { return refuse("The call did not run: \(problem).") }
        if call.name == PlanTool.name { return await preparePlan(call, onEvent: onEvent) }
        guard let entry = toolbox.entry(call.name), let connection = toolbox.connections[entry.server] else {
            return refuse("There is no tool \(call.name). The tools are: \(toolbox.modelTools.map(\.name).joined(separator: ", ")).")
        }
        guard await approved(entry, arguments: call.arguments) else {
            onEvent(.toolDenied(server: entry.server, tool: entry.tool.name))
            return refuse("The user did not allow this call of \(entry.tool.name); do not try it again unless asked.", server: entry.server, tool: entry.tool.name)
        }
        let limit = settings.resultLimit
        return .run {
            onEvent(.toolStarted(server: entry.server, tool: entry.tool.name, arguments: call.arguments))
            let text: ResultText
            let isError: Bool
            do {
                let result = try await connection.callTool(entry.tool.name, arguments: call.arguments) { progress in
                    onEvent(.toolProgress(server: entry.server, tool: entry.tool.name, progress))
                }
                text = ResultText(result, limit: limit)
                isError = result.isError == true
            } catch {
                text = ResultText("The call failed: \(error)", limit: limit)
                isError = true
            }
            onEvent(.toolFinished(server: entry.server, tool: entry.tool.name, isError: isError, cut: text.cut))
            return Ran(
                result: ModelToolResult(callID: call.id, text: text.text, isError: isError),
                record: ChatReply.Call(server: entry.server, tool: entry.tool.name, isError: isError))
        }
    }

    /// A plan runs only when every step that needs approval has it.
    private func preparePlan(_ call: ModelToolCall, onEvent: @escaping @Sendable (Event) -> Void) async -> Prepared {
        let plan: Plan
        let entries: [Toolbox.Entry]
        do {
            (plan, entries) = try PlanTool.plan(from: call.arguments, toolbox: toolbox)
        } catch {
            return .answered(
                Ran(
                    result: ModelToolResult(callID: call.id, text: "The plan did not run: \(error).", isError: true),
                    record: ChatReply.Call(server: "", tool: PlanTool.name, isError: true)))
        }
        for (step, entry) in zip(plan.steps, entries) {
            guard await approved(entry, arguments: step.arguments) else {
                onEvent(.toolDenied(server: step.server, tool: step.tool))
                return .answered(
                    Ran(
                        result: ModelToolResult(
                            callID: call.id, text: "The plan did not run: the user did not allow step \(step.id) (\(step.tool)).",
                            isError: true),
                        record: ChatReply.Call(server: "", tool: PlanTool.name, isError: true)))
            }
        }
        let runner = PlanRunner(connections: Array(toolbox.connections.values))
        let limit = settings.resultLimit
        return .run {
            let report = await runner.run(plan) { event in
                switch event {
                case .started(let step): onEvent(.toolStarted(server: step.server, tool: step.tool, arguments: step.arguments))
                case .progress(let step, let progress): onEvent(.toolProgress(server: step.server, tool: step.tool, progress))
                case .finished(let step, let outcome):
                    onEvent(.toolFinished(server: step.server, tool: step.tool, isError: !outcome.isSuccess, cut: 0))
                }
            }
            var outputs: [String: Value] = [:]
            for step in plan.steps { outputs[step.id] = report.output(step.id) }
            let text = ResultText(
                report.summary + "\n\nOutputs:\n" + String(decoding: JSONWriter.data(.object(outputs)), as: UTF8.self), limit: limit)
            return Ran(
                result: ModelToolResult(callID: call.id, text: text.text, isError: !report.succeeded),
                record: ChatReply.Call(server: "", tool: PlanTool.name, isError: !report.succeeded))
        }
    }

    /// Whether a call may run: it needs no approval, was allowed `always`, or the user says yes.
    private func approved(_ entry: Toolbox.Entry, arguments: [String: Value]) async -> Bool {
        guard let reason = entry.approvalReason, !alwaysAllowed.contains(entry.modelName) else { return true }
        switch await approver.approve(ApprovalRequest(server: entry.server, tool: entry.tool.name, arguments: arguments, reason: reason)) {
        case .yes: return true
        case .always:
            alwaysAllowed.insert(entry.modelName)
            return true
        case .no: return false
        }
    }
}

/// A message sent while the previous one is still being answered.
public struct ChatBusy: Error, CustomStringConvertible {
    public var description: String { "The chat is still answering the previous message: send the next one when it is done." }
}

/// What one user message came to.
public struct ChatReply: Sendable, Equatable {
    public struct Call: Sendable, Equatable {
        public let server: String
        public let tool: String
        public let isError: Bool
    }

    public enum Outcome: Sendable, Equatable {
        case answered
        /// The step limit came first; the model still wanted these tools.
        case stepLimit(pending: [String])
        /// The model ran out of its token budget mid-answer.
        case truncated
    }

    /// The model's last text.
    public var text: String
    /// Model calls made.
    public var steps: Int
    public var calls: [Call]
    public var outcome: Outcome
}
