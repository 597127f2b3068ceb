import Foundation
import Logging
import MCP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Newline-delimited JSON-RPC over a pair of file descriptors, standard input and
/// output by default.
///
/// Reads block on a thread of their own, so a message is handled the moment it
/// arrives; the SDK's stdio transport polls a non-blocking descriptor instead,
/// which adds up to 10 ms to every call and changes the mode of a shared terminal.
/// When input ends, requests already read are answered before the stream closes.
public actor StandardIOTransport: Transport {
    public nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private let unanswered = UnansweredRequests()
    private let direct: (any DirectAnswering)?
    /// Requests answered directly and still being worked on, by id, for cancellation.
    private var directInFlight: [Value: Task<Data?, Never>] = [:]
    private var isConnected = false

    /// How long to wait, once input has ended, for answers still being worked on.
    static let drainTimeout: Duration = .seconds(30)

    /// - Parameter direct: answers `tools/call`, `tools/list` and `ping` without the
    ///   SDK's `Server`; see ``DirectAnswering``.
    public init(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, direct: (any DirectAnswering)? = nil,
        logger: Logger
    ) {
        self.input = input
        self.output = output
        self.direct = direct
        self.logger = logger
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    public func connect() async throws {
        guard !isConnected else { return }
        isConnected = true
        let reader = Thread { [input, continuation, logger, unanswered, direct] in
            Self.readLines(from: input, logger: logger) { line in
                guard let message = try? JSONParser.parse(line) else {
                    logger.notice("Answered a line that is not JSON with a parse error", metadata: ["bytes": "\(line.count)"])
                    Task { try? await self.writeLine(Self.parseError) }
                    return
                }
                if message.isJSONRPCRequest { unanswered.add() }
                if let direct, message.isRequest(for: direct.directMethods) {
                    Task { await self.answer(message, line: line, with: direct) }
                    return
                }
                if let cancelled = message.cancelledRequestID {
                    Task { await self.cancelDirect(cancelled) }
                }
                continuation.yield(line)
            }
            unanswered.waitUntilNone(timeout: Self.drainTimeout)
            continuation.finish()
        }
        reader.name = "setlist.stdio.reader"
        reader.start()
    }

    public func disconnect() async {
        isConnected = false
        continuation.finish()
    }

    public func send(_ data: Data) async throws {
        try writeLine(data)
        if Self.isResponse(data) { unanswered.remove() }
    }

    public func receive() -> AsyncThrowingStream<Data, any Error> {
        messages
    }

    // MARK: - Direct answers

    private func answer(_ request: Value, line: Data, with direct: any DirectAnswering) async {
        guard case .object(let members) = request, let id = members["id"] else { return }
        let work = Task { await direct.answerDirectly(request) }
        directInFlight[id] = work
        let answer = await work.value
        directInFlight[id] = nil
        guard let answer else {
            continuation.yield(line)
            return
        }
        defer { unanswered.remove() }
        // A cancelled request gets no answer, as the protocol asks.
        guard !work.isCancelled else { return }
        do {
            try writeLine(answer)
        } catch {
            logger.error("Writing an answer failed", metadata: ["error": "\(error)"])
        }
    }

    private func cancelDirect(_ id: Value) {
        directInFlight[id]?.cancel()
    }

    // MARK: - Writing

    private func writeLine(_ data: Data) throws {
        guard isConnected else { throw MCPError.connectionClosed }
        var message = data
        message.append(UInt8(ascii: "\n"))
        let failure: Int32? = message.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure {
            throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO))
        }
    }

    // MARK: - Messages

    /// The answer to a line that is not JSON: the request's id cannot be known, so it is null.
    static let parseError = Data(
        #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error: each line must be one JSON-RPC message"}}"#
            .utf8)

    private static func isResponse(_ data: Data) -> Bool {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else {
            return (try? JSONSerialization.jsonObject(with: data)) is [Any]
        }
        return envelope.isResponse
    }

    /// Just enough of a message to tell an answer from a request or notification.
    private struct Envelope: Decodable {
        let isResponse: Bool

        private enum Keys: String, CodingKey { case id, method }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            isResponse = container.contains(.id) && !container.contains(.method)
        }
    }

    // MARK: - Reading

    /// Calls `handle` with each non-empty line until end of input.
    private static func readLines(from descriptor: Int32, logger: Logger, handle: (Data) -> Void) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                if count < 0 { logger.error("Reading standard input failed", metadata: ["errno": "\(errno)"]) }
                break
            }
            var searchFrom = pending.count
            pending.append(contentsOf: chunk[..<count])
            var lineStart = 0
            while let newline = pending[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = pending[lineStart..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if !line.isEmpty { handle(Data(line)) }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            pending.removeFirst(lineStart)
        }
    }
}

/// Requests read from input that have not been answered yet.
private final class UnansweredRequests: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }
    func remove() { count.withLock { $0 = max(0, $0 - 1) } }

    /// Blocks the calling thread until every request is answered or `timeout` passes.
    func waitUntilNone(timeout: Duration) {
        let deadline = ContinuousClock.now + timeout
        while count.withLock({ $0 }) > 0 && ContinuousClock.now < deadline {
            usleep(2_000)
        }
    }
}
