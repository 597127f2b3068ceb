import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// MCP over a pair of file descriptors, standard input and output by default: one
/// JSON-RPC message per line. It moves bytes; ``MessageRouter`` decides what they get.
///
/// Reads block on a thread of their own, so a message is handled the moment it
/// arrives (the SDK's stdio transport polls a non-blocking descriptor, which adds up
/// to 10 ms to every call and changes the mode of a shared terminal). Lines reach the
/// router in the order they came; answers are written as they are ready, one at a time
/// (``LineWriter``). When input ends, every answer still owed is written before
/// ``run()`` returns.
final class StdioConnection: Sendable {
    private let input: Int32
    private let output: LineWriter
    private let router: MessageRouter
    private let logger: Logger
    let session: ServerSession

    /// How long to wait, once input has ended, for answers still being worked on.
    static let drainTimeout: Duration = .seconds(30)
    /// The longest line read as a message; a longer one is skipped and answered with an error.
    static let maximumLineBytes = 256 << 20

    init(service: MCPService, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, logger: Logger) {
        self.input = input
        self.output = LineWriter(descriptor: output, logger: logger)
        self.router = MessageRouter(service: service)
        self.logger = logger
        let writer = self.output
        session = ServerSession(logger: logger) { message in try writer.write(message) }
    }

    /// Serves until input ends and the answers owed are written (or the drain times out).
    func run() async {
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            let reader = Thread { [self] in
                readLines()
                finished.resume()
            }
            reader.name = "setlist.stdio.reader"
            reader.start()
        }
        if !(await session.settled(within: Self.drainTimeout)) {
            logger.warning("Input ended; gave up waiting for answers still being worked on", metadata: ["after": "\(Self.drainTimeout)"])
        }
        session.close()
        output.flush()
    }

    // MARK: - Reading

    /// Hands each non-empty line to the router until end of input.
    private func readLines() {
        var pending: [UInt8] = []
        var skippingLongLine = false
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                if count < 0 { logger.error("Reading standard input failed", metadata: ["errno": "\(errno)"]) }
                // A last line without its newline is still a message.
                if !skippingLongLine, !pending.isEmpty { deliver(pending[...]) }
                break
            }
            var searchFrom = pending.count
            pending.append(contentsOf: chunk[..<count])
            var lineStart = 0
            while let newline = pending[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                if skippingLongLine {
                    skippingLongLine = false
                } else {
                    var end = newline
                    if end > lineStart, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    if end > lineStart { deliver(pending[lineStart..<end]) }
                }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            pending.removeFirst(lineStart)
            if pending.count > Self.maximumLineBytes {
                refuseLongLine(skipped: skippingLongLine)
                skippingLongLine = true
                pending.removeAll(keepingCapacity: false)
            }
        }
    }

    private func deliver(_ line: ArraySlice<UInt8>) {
        line.withUnsafeBytes { bytes in
            _ = router.receive(bytes, in: session) { [output] answer in
                guard let answer else { return }
                try? output.write(answer)
            }
        }
    }

    private func refuseLongLine(skipped alreadyRefused: Bool) {
        guard !alreadyRefused else { return }
        logger.warning("Skipped a line longer than the limit", metadata: ["limit": "\(Self.maximumLineBytes)"])
        let error = JSONRPCError.invalidRequest(
            "a message is longer than \(Self.maximumLineBytes >> 20) MiB; send large content in parts")
        try? output.write(OutgoingMessage.error(id: nil, error))
    }
}

/// Writes whole lines to a descriptor in the order they are given, never two at once.
///
/// The first writer writes on its own thread and then writes whatever others queued
/// meanwhile; the others only queue and go on. So an answer usually leaves with no
/// hand-off, and a client slow to read holds up one task at most, not every task that
/// has an answer.
private final class LineWriter: Sendable {
    private let descriptor: Int32
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var isWriting = false
        var queued: [Data] = []
        /// Set once a write failed: the reader went away, and what follows is dropped.
        var hasFailed = false
    }

    init(descriptor: Int32, logger: Logger) {
        self.descriptor = descriptor
        self.logger = logger
    }

    /// Writes a line, or queues it behind the line being written; throws only when an
    /// earlier write already failed.
    func write(_ data: Data) throws {
        let writeNow = try state.withLock { state in
            guard !state.hasFailed else { throw POSIXError(.EPIPE) }
            guard !state.isWriting else {
                state.queued.append(data)
                return false
            }
            state.isWriting = true
            return true
        }
        guard writeNow else { return }
        var next: Data? = data
        while let line = next {
            let failure = writeLine(line)
            if let failure {
                logger.error("Writing to standard output failed; the client has gone", metadata: ["errno": "\(failure)"])
            }
            next = state.withLock { state in
                if failure != nil {
                    state.hasFailed = true
                    state.queued = []
                }
                guard !state.queued.isEmpty else {
                    state.isWriting = false
                    return nil
                }
                return state.queued.removeFirst()
            }
        }
    }

    /// Waits, at most `timeout`, until every queued line is written (or dropped).
    func flush(timeout: Duration = .seconds(10)) {
        let deadline = ContinuousClock.now + timeout
        while state.withLock({ $0.isWriting }), ContinuousClock.now < deadline {
            usleep(1_000)
        }
    }

    /// Writes one line whole; the error number if the descriptor refused it.
    private func writeLine(_ data: Data) -> Int32? {
        var line = data
        line.append(UInt8(ascii: "\n"))
        return line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
