import MCP
import Synchronization

/// A stdio server that is started again, once, if it stops: the user is told, and the
/// call that was running is sent again only if its tool only reads. A tool that may have
/// changed something before the server stopped is not run twice; the error says so.
/// The restarted server is opened in the era it was found to speak, without a probe.
public final class RestartingConnection: MCPConnection {
    public let name: String
    private let command: ServerCommand
    private let timeout: Duration
    private let trace: Trace?
    private let memory: EraMemory
    private let onRestart: @Sendable (String) -> Void
    private let state: Mutex<State>

    private struct State {
        var current: StdioServerConnection
        var restarted = false
        /// Tools the server declared read-only, which are safe to send again.
        var readOnly: Set<String> = []
    }

    /// - Parameter memory: where the server's era is remembered: at least in memory, so
    ///   that a restart knows it.
    public static func start(
        _ command: ServerCommand, timeout: Duration = .seconds(60), trace: Trace? = nil, memory: EraMemory = .standard,
        onRestart: @escaping @Sendable (String) -> Void
    ) async throws -> RestartingConnection {
        let first = try await StdioServerConnection.start(command, timeout: timeout, trace: trace, memory: memory)
        return RestartingConnection(command: command, timeout: timeout, trace: trace, memory: memory, onRestart: onRestart, current: first)
    }

    private init(
        command: ServerCommand, timeout: Duration, trace: Trace?, memory: EraMemory, onRestart: @escaping @Sendable (String) -> Void,
        current: StdioServerConnection
    ) {
        name = command.name
        self.command = command
        self.timeout = timeout
        self.trace = trace
        self.memory = memory
        self.onRestart = onRestart
        state = Mutex(State(current: current))
    }

    public var protocolVersion: String? { state.withLock { $0.current }.protocolVersion }
    public var era: ProtocolEra? { state.withLock { $0.current }.era }

    public func listTools() async throws -> [Tool] {
        let tools = try await withRestart(retry: true) { try await $0.listTools() }
        let readOnly = Set(tools.filter { $0.annotations.readOnlyHint == true }.map(\.name))
        state.withLock { $0.readOnly = readOnly }
        return tools
    }

    public func callTool(_ tool: String, arguments: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?) async throws
        -> CallTool.Result
    {
        let readOnly = state.withLock { $0.readOnly.contains(tool) }
        return try await withRestart(retry: readOnly, what: tool) { try await $0.callTool(tool, arguments: arguments, onProgress: onProgress) }
    }

    public func close() async {
        await state.withLock { $0.current }.close()
    }

    private func withRestart<T>(retry: Bool, what: String? = nil, _ body: (StdioServerConnection) async throws -> T) async throws -> T {
        let current = state.withLock { $0.current }
        do {
            return try await body(current)
        } catch ConnectionError.exited(let server, let stderr) {
            let first = state.withLock { state in
                defer { state.restarted = true }
                return !state.restarted
            }
            guard first else { throw ConnectionError.exited(server: server, stderr: stderr) }
            let next = try await StdioServerConnection.start(command, timeout: timeout, trace: trace, memory: memory)
            state.withLock { $0.current = next }
            onRestart("The MCP server \(name) stopped and was started again." + (stderr.isEmpty ? "" : " It had said: \(stderr.suffix(300))"))
            guard retry else { throw RestartError(server: name, tool: what ?? "the request") }
            return try await body(next)
        }
    }
}

/// A call cut short when its server stopped, not sent again because it may have done
/// something already.
public struct RestartError: Error, CustomStringConvertible, Equatable {
    public let server: String
    public let tool: String
    public var description: String {
        "The MCP server \(server) stopped during \(tool) and was started again. \(tool) was not sent again, since it may already "
            + "have made its change: check, then call it again if needed."
    }
}
