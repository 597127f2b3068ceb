import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The server-to-client messages of one HTTP session, sent as Server-Sent Events on
/// the stream the client opens with GET.
///
/// One stream at a time: a new GET replaces the old one (a client that reconnects is
/// not told its stream is taken). Messages sent while no stream is open wait, up to
/// ``backlogLimit`` of them, for the next one.
final class SessionEvents: Sendable {
    static let backlogLimit = 64

    private struct State {
        var stream: AsyncStream<ByteBuffer>.Continuation?
        var generation = 0
        var backlog: [Data] = []
        var isFinished = false
    }

    private let state = Mutex(State())
    private let keepAlive: Duration

    /// - Parameter keepAlive: how often an idle stream carries a comment, so proxies keep
    ///   it open and a client that left is noticed.
    init(keepAlive: Duration = .seconds(15)) {
        self.keepAlive = keepAlive
    }

    /// Whether a client is listening now.
    var hasOpenStream: Bool { state.withLock { $0.stream != nil } }

    /// Sends a message on the open stream, or keeps it for the next.
    func send(_ message: Data) throws {
        let sent = state.withLock { state -> Bool in
            guard !state.isFinished else { return false }
            if let stream = state.stream {
                stream.yield(Self.event(message))
            } else {
                if state.backlog.count == Self.backlogLimit { state.backlog.removeFirst() }
                state.backlog.append(message)
            }
            return true
        }
        if !sent { throw ClientRequestError.closed }
    }

    /// Opens a stream for a GET, replacing any open one.
    func openStream(headers: HTTPFields) -> Response {
        // A client that opens the stream and does not read it holds at most the backlog.
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(Self.backlogLimit))
        let opened = state.withLock { state -> Int? in
            guard !state.isFinished else { return nil }
            state.stream?.finish()
            state.stream = continuation
            state.generation += 1
            for message in state.backlog { continuation.yield(Self.event(message)) }
            state.backlog = []
            return state.generation
        }
        guard let generation = opened else {
            continuation.finish()
            return HTTPRefusal(status: 404, message: "Not Found: the session has ended; initialize again").response
        }
        var headers = headers
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache, no-transform"
        let keepAlive = keepAlive
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let beat = Task {
                    while (try? await Task.sleep(for: keepAlive)) != nil {
                        continuation.yield(ByteBuffer(string: ": keep-alive\n\n"))
                    }
                }
                defer {
                    beat.cancel()
                    self.close(generation)
                }
                for await chunk in stream {
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            })
    }

    /// Ends the open stream and refuses what comes after; for a session that ends.
    func finish() {
        state.withLock { state in
            state.isFinished = true
            state.stream?.finish()
            state.stream = nil
            state.backlog = []
        }
    }

    /// Forgets a stream that ended, unless a newer one replaced it.
    private func close(_ generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.stream?.finish()
            state.stream = nil
        }
    }

    /// `event: message` with the JSON on one `data:` line; JSON written here holds no newline.
    static func event(_ message: Data) -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: message\ndata: ")
        buffer.writeBytes(message)
        buffer.writeString("\n\n")
        return buffer
    }
}
