import Foundation
import MCP
import Synchronization

@testable import ServerKit

/// Small tools the routing and serving tests call.
enum TestTools {
    enum Greeting {
        struct Input: ToolInput {
            let name: String
            static let schema = JSONSchema.object(["name": .string("Who to greet", minLength: 1)])
        }
        struct Output: ToolOutput {
            let greeting: String
            static let outputSchema = JSONSchema.object(["greeting": .string()])
        }
        static let definition = ToolDefinition<Input, Output>(
            name: "greet", title: "Greet", description: "Says hello.", annotations: .readOnly
        ) { input in Output(greeting: "Hola, \(input.name)") }
    }

    /// Waits until cancelled or `milliseconds` pass, and records which.
    enum Wait {
        struct Input: ToolInput {
            let milliseconds: Int
            static let schema = JSONSchema.object(["milliseconds": .integer("How long")])
        }
        struct Output: ToolOutput {
            let waited: Int
            static let outputSchema = JSONSchema.object(["waited": .integer()])
        }
        static func definition(_ log: WorkLog) -> ToolDefinition<Input, Output> {
            ToolDefinition(name: "wait", title: "Wait", description: "Waits.", annotations: .readOnly) { input in
                log.started()
                do {
                    try await Task.sleep(for: .milliseconds(input.milliseconds))
                } catch {
                    log.cancelled()
                    throw error
                }
                log.finished()
                return Output(waited: input.milliseconds)
            }
        }
    }

    /// Counts the characters of a text, as a stand-in for a large `write_file`.
    enum Measure {
        struct Input: ToolInput {
            let text: String
            static let schema = JSONSchema.object(["text": .string("Any text")])
        }
        struct Output: ToolOutput {
            let bytes: Int
            static let outputSchema = JSONSchema.object(["bytes": .integer()])
        }
        static let definition = ToolDefinition<Input, Output>(
            name: "measure", title: "Measure", description: "Counts bytes.", annotations: .readOnly
        ) { input in Output(bytes: input.text.utf8.count) }
    }

    static func service(log: WorkLog = WorkLog()) -> MCPService {
        MCPService(
            name: "test",
            tools: [AnyTool(Greeting.definition), AnyTool(Wait.definition(log)), AnyTool(Measure.definition)])
    }
}

/// What the `wait` tool did.
final class WorkLog: Sendable {
    private let counts = Mutex((started: 0, finished: 0, cancelled: 0, running: 0, mostAtOnce: 0))

    func started() {
        counts.withLock {
            $0.started += 1
            $0.running += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.running)
        }
    }
    func finished() {
        counts.withLock {
            $0.finished += 1
            $0.running -= 1
        }
    }
    func cancelled() {
        counts.withLock {
            $0.cancelled += 1
            $0.running -= 1
        }
    }

    var snapshot: (started: Int, finished: Int, cancelled: Int) { counts.withLock { ($0.started, $0.finished, $0.cancelled) } }
    /// How many calls ran at the same time, at most.
    var mostAtOnce: Int { counts.withLock { $0.mostAtOnce } }
}

/// How often a hook ran, and how many runs overlapped at most.
final class HookRuns: Sendable {
    private let state = Mutex((total: 0, running: 0, mostAtOnce: 0))

    func run() async {
        state.withLock {
            $0.total += 1
            $0.running += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.running)
        }
        try? await Task.sleep(for: .milliseconds(20))
        state.withLock { $0.running -= 1 }
    }

    var counts: (total: Int, mostAtOnce: Int) { state.withLock { ($0.total, $0.mostAtOnce) } }
}
