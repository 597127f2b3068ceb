import Foundation
import MCP
import ServerKit
import Synchronization

/// A server process spoken to over its stdin and stdout, one JSON-RPC message a line,
/// in either era: `server/discover` first, falling back to `initialize` on any error
/// that is not a modern one (see ``EraProbe``). Its stderr is kept for when it fails.
///
/// Every request has a deadline: a server that never answers is reported, never
/// waited on forever. The probe's is shorter (``EraProbe/stdioDiscoverDeadline``): a
/// handshake-era server may never answer it. Reading happens on a thread of its own, so a server that is slow
/// to write holds no task.
public final class StdioServerConnection: MCPConnection {
    public let name: String
    private let process: Process
    private let input: FileHandle
    private let state = Mutex(State())
    private let timeout: Duration
    private let trace: Trace?
    private let writes = DispatchQueue(label: "setlist.host.stdio-writes")
    /// Signalled when the server's stderr ends, so that what it said last is in the error.
    private let errorsEnded = DispatchSemaphore(value: 0)

    private struct State {
        var agreement: EraProbe.Agreement?
        var nextID = 1
        var waiting: [Int: Waiting] = [:]
        var stderr = ""
        var ended = false
    }

    private struct Waiting {
        let continuation: CheckedContinuation<Value, any Error>
        let onProgress: (@Sendable (CallProgress) -> Void)?
        let progressToken: String
    }

    /// Starts the server and opens the connection in the server's era.
    /// - Parameters:
    ///   - trace: where every message in both directions is recorded, if anywhere.
    ///   - memory: where the server's era is remembered, if anywhere.
    public static func start(
        _ command: ServerCommand, timeout: Duration = .seconds(60), trace: Trace? = nil, memory: EraMemory? = .standard
    ) async throws -> StdioServerConnection {
        let connection = try StdioServerConnection(command, timeout: timeout, trace: trace)
        do {
            let agreement = try await EraProbe.open(
                key: EraMemory.key(command), memory: memory, over: .stdio,
                discover: {
                    try await connection.request(
                        ClientMessages.discover, [:], in: .modern, within: min(timeout, EraProbe.stdioDiscoverDeadline))
                },
                initialize: {
                    let result = try await connection.request("initialize", ClientMessages.initializeParams, in: .handshake)
                    connection.send(notification: "notifications/initialized")
                    return try ClientMessages.agreedVersion(in: result, server: command.name)
                })
            connection.state.withLock { $0.agreement = agreement }
            return connection
        } catch {
            await connection.close()
            throw error
        }
    }

    public var protocolVersion: String? { state.withLock { $0.agreement?.protocolVersion } }
    public var era: ProtocolEra? { state.withLock { $0.agreement?.era } }

    /// A write to a server that has just stopped must fail, not end the host with SIGPIPE.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private init(_ command: ServerCommand, timeout: Duration, trace: Trace?) throws {
        Self.brokenPipesIgnored
        name = command.name
        self.timeout = timeout
        self.trace = trace
        process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ConnectionError.couldNotStart(server: command.name, reason: "\(command.executable): \(error.localizedDescription)")
        }
        input = stdin.fileHandleForWriting
        let output = stdout.fileHandleForReading
        let errors = stderr.fileHandleForReading
        Thread.detachNewThread { [self] in readAnswers(output) }
        Thread.detachNewThread { [self] in keepErrors(errors) }
    }

    // MARK: - MCPConnection

    public func listTools() async throws -> [Tool] {
        let result = try await request("tools/list", [:])
        return try ValueDecoder().decode(ListTools.Result.self, from: result).tools
    }

    public func callTool(_ tool: String, arguments: [String: Value], onProgress: (@Sendable (CallProgress) -> Void)?) async throws
        -> CallTool.Result
    {
        let result = try await request("tools/call", ["name": .string(tool), "arguments": .object(arguments)], onProgress: onProgress)
        return try ValueDecoder().decode(CallTool.Result.self, from: result)
    }

    public func close() async {
        writes.sync { try? input.close() }
        let process = process
        await onOwnThread {
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    // MARK: - Requests

    /// Sends a request and waits for its answer.
    /// - Parameters:
    ///   - era: the era to speak; `nil` for the agreed one.
    ///   - deadline: how long to wait; `nil` for the connection's timeout.
    func request(
        _ method: String, _ params: [String: Value], in era: ProtocolEra? = nil, onProgress: (@Sendable (CallProgress) -> Void)? = nil,
        within deadline: Duration? = nil
    ) async throws -> Value {
        let (id, agreed) = state.withLock { state in
            defer { state.nextID += 1 }
            return (state.nextID, state.agreement?.era)
        }
        let token = "\(name)-\(id)"
        let params = ClientMessages.params(params, era: era ?? agreed, progressToken: onProgress == nil ? nil : token)
        let message = Value.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params)])
        let timeout = deadline ?? timeout
        let timer = Task { [name] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self.finish(id, with: .failure(ConnectionError.timedOut(server: name, method: method, seconds: Int(timeout.components.seconds))))
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let ended = state.withLock { state in
                guard !state.ended else { return true }
                state.waiting[id] = Waiting(continuation: continuation, onProgress: onProgress, progressToken: token)
                return false
            }
            if ended { return continuation.resume(throwing: exited()) }
            write(message)
        }
    }

    private func send(notification method: String) {
        write(.object(["jsonrpc": "2.0", "method": .string(method)]))
    }

    private func write(_ message: Value) {
        var bytes = JSONWriter.data(message)
        trace?.record(.sent, server: name, message: bytes)
        bytes.append(UInt8(ascii: "\n"))
        let line = bytes
        writes.async { [input] in try? input.write(contentsOf: line) }
    }

    private func finish(_ id: Int, with result: Result<Value, any Error>) {
        state.withLock { $0.waiting.removeValue(forKey: id) }?.continuation.resume(with: result)
    }

    private func exited() -> ConnectionError {
        .exited(server: name, stderr: String(state.withLock { $0.stderr }.suffix(2_000)))
    }

    // MARK: - Reading

    private func readAnswers(_ output: FileHandle) {
        var buffer = Data()
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                if !line.isEmpty { receive(Data(line)) }
            }
        }
        // A server that stops says why on stderr; wait a moment for the last of it.
        _ = errorsEnded.wait(timeout: .now() + 2)
        let waiting = state.withLock { state in
            state.ended = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        let error = exited()
        for request in waiting { request.continuation.resume(throwing: error) }
    }

    private func receive(_ line: Data) {
        trace?.record(.received, server: name, message: line)
        guard case .object(let message)? = try? JSONParser.parse(line) else { return }
        if let (token, progress) = ClientMessages.progress(in: message) {
            let handler = state.withLock { state in state.waiting.values.first { $0.progressToken == token }?.onProgress }
            handler?(progress)
            return
        }
        guard let id = message["id"]?.intValue, let outcome = ClientMessages.outcome(of: message, server: name) else { return }
        finish(id, with: outcome.mapError { $0 })
    }

    private func keepErrors(_ errors: FileHandle) {
        defer { errorsEnded.signal() }
        while true {
            let chunk = errors.availableData
            if chunk.isEmpty { return }
            let text = String(decoding: chunk, as: UTF8.self)
            state.withLock { state in state.stderr = String((state.stderr + text).suffix(8_000)) }
        }
    }
}
