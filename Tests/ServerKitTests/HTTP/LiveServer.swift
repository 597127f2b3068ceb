import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

@testable import ServerKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A service served over HTTP on a loopback port, as `setlist serve --http` serves it.
struct LiveServer {
    let port: Int
    let endpoint: any MCPEndpoint

    /// Runs `body` against a server on a free port, then shuts the server down.
    static func with<T: Sendable>(
        _ service: MCPService = TestTools.service(),
        _ options: HTTPServingOptions = HTTPServingOptions(port: 0),
        _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        let ports = AsyncStream<Int>.makeStream()
        var options = options
        options.port = 0
        let (application, endpoint) = service.httpApplication(
            options, eventLoops: .singleton, logger: Logger(label: "test")
        ) { port in ports.continuation.yield(port) }
        let group = ServiceGroup(services: [application], logger: Logger(label: "test"))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.stream.makeAsyncIterator()
            let port = await iterator.next()!
            let result: Result<T, any Error>
            do {
                result = .success(try await body(LiveServer(port: port, endpoint: endpoint)))
            } catch {
                result = .failure(error)
            }
            await endpoint.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// A raw TCP connection to the server.
    func connect() throws -> RawConnection {
        try RawConnection(port: port)
    }

}

/// A blocking TCP connection to a loopback port, for requests no HTTP client would send.
final class RawConnection: @unchecked Sendable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit { close(descriptor) }

    func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    func write(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += written
        }
    }

    /// What arrives until the server closes the connection, or `timeout` passes.
    func readUntilClosed(timeout: Duration) async throws -> String {
        try await onOwnThread { self.blockingRead(until: nil, timeout: timeout) }
    }

    /// Reads a stream's bytes until `marker` has arrived (compared as bytes), or `timeout` passes.
    func readStream(until marker: String, timeout: Duration = .seconds(5)) async throws -> String {
        try await onOwnThread { self.blockingRead(until: Array(marker.utf8), timeout: timeout) }
    }

    /// Whether the server has closed the connection, within `timeout`.
    func isClosedByServer(within timeout: Duration) async throws -> Bool {
        try await onOwnThread { self.blockingIsClosed(within: timeout) }
    }

    /// One HTTP/1.1 exchange on this connection: the status, headers (lowercased names) and body.
    func exchange(_ request: String, timeout: Duration = .seconds(5)) async throws -> (status: Int, headers: [String: String], body: String) {
        try await exchange(bytes: Array(request.utf8), timeout: timeout)
    }

    func exchange(bytes request: [UInt8], timeout: Duration = .seconds(5)) async throws -> (status: Int, headers: [String: String], body: String) {
        try write(bytes: request)
        return try await onOwnThread { try self.blockingResponse(timeout: timeout) }
    }

    private func blockingRead(until marker: [UInt8]?, timeout: Duration) -> String {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        func arrived() -> Bool {
            guard let marker, received.count >= marker.count else { return false }
            return (0...(received.count - marker.count)).contains { received[$0..<($0 + marker.count)].elementsEqual(marker) }
        }
        while ContinuousClock.now < deadline, !arrived() {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    private func blockingIsClosed(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return true }
        }
        return false
    }
}

extension RawConnection {
    fileprivate func blockingResponse(timeout: Duration) throws -> (status: Int, headers: [String: String], body: String) {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            if let parsed = Self.parse(received) { return parsed }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        if let parsed = Self.parse(received) { return parsed }
        throw POSIXError(.ETIMEDOUT)
    }

    /// A whole response with a `Content-Length` body (or none), if it has all arrived.
    private static func parse(_ bytes: [UInt8]) -> (status: Int, headers: [String: String], body: String)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[split.upperBound...])
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        guard body.utf8.count >= length else { return nil }
        return (status, headers, body)
    }
}

/// An HTTP/1.1 request as text.
func httpRequest(
    _ method: String, _ target: String = "/mcp", headers: [String] = [], body: String = "", host: String? = "127.0.0.1"
) -> String {
    String(decoding: httpRequest(method, target, headers: headers, bytes: Array(body.utf8), host: host), as: UTF8.self)
}

/// An HTTP/1.1 request whose body may be any bytes.
func httpRequest(
    _ method: String, _ target: String = "/mcp", headers: [String] = [], bytes body: [UInt8], host: String? = "127.0.0.1"
) -> [UInt8] {
    var lines = ["\(method) \(target) HTTP/1.1"]
    if let host { lines.append("Host: \(host)") }
    lines += headers
    if !body.isEmpty || method == "POST" {
        lines.append("Content-Type: application/json")
        lines.append("Content-Length: \(body.count)")
    }
    return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
}
