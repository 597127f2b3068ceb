import MCP

/// Runs a plan over connected servers: each step as soon as what it waits for is done,
/// independent steps side by side. The first failure stops the plan: nothing more
/// starts, what runs is let finish, and the report says what ran, what failed, and what
/// did not run.
public struct PlanRunner: Sendable {
    let connections: [String: any MCPConnection]

    public init(connections: [any MCPConnection]) {
        self.connections = Dictionary(connections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What happens while a plan runs, for progress on a terminal.
    public enum Event: Sendable {
        case started(Plan.Step)
        case finished(Plan.Step, StepOutcome)
        case progress(Plan.Step, CallProgress)
    }

    public func run(_ plan: Plan, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) async -> PlanReport {
        let schedule: PlanSchedule
        do {
            schedule = try PlanSchedule(plan)
            for step in plan.steps where connections[step.server] == nil {
                throw PlanError.unknownServer(step: step.id, server: step.server)
            }
        } catch {
            return PlanReport(steps: plan.steps, outcomes: [:], refusal: error)
        }
        var outcomes: [String: StepOutcome] = [:]
        var outputs: [String: Value] = [:]
        var running = Set<String>()
        var failed = false
        await withTaskGroup(of: (String, StepOutcome).self) { group in
            func startReady() {
                guard !failed else { return }
                for step in plan.steps where outcomes[step.id] == nil && !running.contains(step.id) {
                    guard schedule.waitsFor[step.id, default: []].allSatisfy({ outcomes[$0]?.isSuccess == true }) else { continue }
                    running.insert(step.id)
                    let inputs = outputs
                    let connection = connections[step.server]!
                    onEvent(.started(step))
                    group.addTask { (step.id, await Self.perform(step, on: connection, outputs: inputs, onEvent: onEvent)) }
                }
            }
            startReady()
            while let (id, outcome) = await group.next() {
                running.remove(id)
                outcomes[id] = outcome
                if let step = plan.steps.first(where: { $0.id == id }) { onEvent(.finished(step, outcome)) }
                switch outcome {
                case .succeeded(let output): outputs[id] = output
                case .failed, .notRun: failed = true
                }
                startReady()
            }
        }
        return PlanReport(steps: plan.steps, outcomes: outcomes, refusal: nil)
    }

    private static func perform(
        _ step: Plan.Step, on connection: any MCPConnection, outputs: [String: Value], onEvent: @escaping @Sendable (Event) -> Void
    ) async -> StepOutcome {
        let arguments: Value
        do {
            arguments = try resolve(.object(step.arguments), outputs: outputs)
        } catch {
            return .failed("\(error)")
        }
        do {
            let result = try await connection.callTool(step.tool, arguments: arguments.objectValue ?? [:]) { progress in
                onEvent(.progress(step, progress))
            }
            let text = result.text
            if result.isError == true { return .failed(text.isEmpty ? "\(step.tool) failed" : text) }
            return .succeeded(result.structuredContent ?? .string(text))
        } catch {
            return .failed("\(error)")
        }
    }

    /// The arguments with every reference replaced by the output it names.
    static func resolve(_ value: Value, outputs: [String: Value]) throws -> Value {
        if let reference = try PlanSchedule.reference(value) {
            guard let output = outputs[reference.step] else { throw PlanError.unknownStep(step: "?", refersTo: reference.step) }
            guard let found = reference.path.map({ $0.resolve(in: output) }) ?? output else {
                throw PlanFailure("\(reference.path?.description ?? "") found nothing in the output of \(reference.step)")
            }
            return found
        }
        switch value {
        case .object(let members): return .object(try members.mapValues { try resolve($0, outputs: outputs) })
        case .array(let elements): return .array(try elements.map { try resolve($0, outputs: outputs) })
        default: return value
        }
    }
}

/// What came of one step.
public enum StepOutcome: Sendable, Equatable {
    /// Its output: the tool's structured content, or its text.
    case succeeded(Value)
    case failed(String)
    case notRun(String)

    var isSuccess: Bool {
        if case .succeeded = self { return true }
        return false
    }
}

/// A step that could not be run as asked.
struct PlanFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a plan did: each step's outcome, in the plan's order, and why anything stopped.
public struct PlanReport: Sendable {
    public let steps: [Plan.Step]
    public let outcomes: [String: StepOutcome]
    /// Why the plan did not start at all.
    public let refusal: (any Error)?

    public var succeeded: Bool {
        refusal == nil && steps.allSatisfy { outcomes[$0.id]?.isSuccess == true }
    }

    /// A step's output, if it succeeded.
    public func output(_ id: String) -> Value? {
        if case .succeeded(let value)? = outcomes[id] { return value }
        return nil
    }

    /// What ran, what failed, and what did not run, a line a step.
    public var summary: String {
        if let refusal { return "The plan did not run: \(refusal)" }
        return steps.map { step in
            switch outcomes[step.id] {
            case .succeeded?: "ran     \(step.id) (\(step.server).\(step.tool))"
            case .failed(let reason)?: "FAILED  \(step.id) (\(step.server).\(step.tool)): \(reason)"
            case .notRun(let reason)?: "not run \(step.id): \(reason)"
            case nil: "not run \(step.id) (an earlier step failed)"
            }
        }.joined(separator: "\n")
    }
}
