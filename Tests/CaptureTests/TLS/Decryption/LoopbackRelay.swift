import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - A recording TCP relay on 127.0.0.1

/// Accepts one connection on a loopback port, connects it to `serverPort`, copies bytes
/// both ways and records them: the capture the decryptor is tested on.
final class LoopbackRelay: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var clientToServer: [UInt8] = []
    private var serverToClient: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    struct Failure: Error { let what: String }

    init(serverPort: UInt16) throws {
        listener = try Self.listeningSocket()
        port = try Self.boundPort(listener)
        let thread = Thread { [self] in relay(serverPort: serverPort) }
        thread.start()
    }

    /// Waits for both sides to close (or `seconds`), then returns the recording.
    func finish(seconds: Double) -> (clientToServer: [UInt8], serverToClient: [UInt8]) {
        _ = done.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return (clientToServer, serverToClient)
    }

    private func relay(serverPort: UInt16) {
        defer { close(listener); done.signal() }
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard server >= 0 else { return }
        defer { close(server) }
        var address = Self.loopback(port: serverPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return }

        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(30)
        while fds.contains(where: { $0.fd >= 0 }), Date() < deadline {
            guard poll(&fds, 2, 200) >= 0 else { return }
            for side in 0..<2 where fds[side].fd >= 0 && fds[side].revents != 0 {
                let other = side == 0 ? server : client
                let count = read(fds[side].fd, &buffer, buffer.count)
                if count <= 0 {
                    shutdown(other, Int32(SHUT_WR))
                    fds[side].fd = -1
                    continue
                }
                let bytes = Array(buffer[0..<count])
                lock.lock()
                if side == 0 { clientToServer += bytes } else { serverToClient += bytes }
                lock.unlock()
                var written = 0
                while written < count {
                    let n = bytes[written...].withUnsafeBytes { write(other, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    written += n
                }
            }
        }
    }

    // MARK: Sockets

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func listeningSocket() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket") }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else { close(fd); throw Failure(what: "bind/listen") }
        return fd
    }

    private static func boundPort(_ fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw Failure(what: "getsockname") }
        return UInt16(bigEndian: address.sin_port)
    }
}
