import Foundation
import ServerKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Captures real traffic on loopback with tcpdump while a test talks to servers: the
/// package's own `setlist` and small socket servers the test writes itself.
enum LoopbackCapture {
    /// The folder that holds Package.swift.
    static let package: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    static let setlist = package.appendingPathComponent(".build/debug/setlist").path

    /// tcpdump's path; the test fails, saying how to install it, when it is missing.
    static func tcpdump() throws -> String {
        let found = ["/usr/bin/tcpdump", "/usr/sbin/tcpdump", "/usr/local/bin/tcpdump", "/usr/local/sbin/tcpdump"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(found, "tcpdump is missing: install it with scripts/system-packages tcpdump (scripts/test does)")
    }

    /// Runs `body` while tcpdump writes what crosses `ports` on `lo` to a new file, and
    /// returns that file once tcpdump has flushed it and exited.
    static func capture(ports: [Int], _ body: () async throws -> Void) async throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-capture-\(UUID().uuidString).pcap")
        let filter = ports.map { "tcp port \($0)" }.joined(separator: " or ")
        // --immediate-mode: without it packets wait in the kernel's buffer for up to a
        // second, and those still there at SIGINT are lost. -Z root: tcpdump would
        // otherwise drop to its own user, who may not write here.
        let arguments = ["-i", "lo", "-w", file.path, "-U", "-n", "--immediate-mode"] + (getuid() == 0 ? ["-Z", "root"] : []) + [filter]
        let tcpdump = try SignalableProcess(path: try tcpdump(), arguments: arguments)
        // tcpdump says "listening on lo" on stderr once it captures.
        let said = await tcpdump.waitForError(saying: "listening")
        guard said.contains("listening") else {
            tcpdump.stop()
            try #require(Bool(false), "tcpdump did not start capturing on lo: \(said) (capturing needs root or CAP_NET_RAW)")
            return file
        }
        do {
            try await body()
        } catch {
            tcpdump.stop()
            throw error
        }
        // Let the last packets reach the file (tcpdump writes each as it comes, -U), then
        // stop tcpdump, which flushes on SIGINT. A busy machine may be slow to schedule
        // tcpdump, so wait until the file has stopped growing rather than a fixed time.
        var size = -1
        let settle = Date().addingTimeInterval(15)
        while Date() < settle {
            try await Task.sleep(for: .milliseconds(500))
            let now = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if now == size { break }
            size = now
        }
        let (status, lastWords) = await onOwnThread { tcpdump.stopReporting() }
        #expect(status == 0, "tcpdump exited with status \(status) on SIGINT: \(lastWords)")
        #expect(!lastWords.split(separator: "\n").contains("0 packets captured"), "tcpdump: \(lastWords)")
        return file
    }

    /// A loopback port nothing listens on at the moment.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        try #require(bound, "no free loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// Opens a TCP connection to 127.0.0.1:`port`; -1 when refused.
    static func connect(port: Int) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if !connected { close(socket) }
        return connected ? socket : -1
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Sends one HTTP request on a connection of its own and reads the answer until the
    /// server closes or the Content-Length is reached.
    static func exchange(port: Int, _ request: String) async throws -> String {
        try await onOwnThread { try blockingExchange(port: port, request) }
    }

    private static func blockingExchange(port: Int, _ request: String) throws -> String {
        let socket = connect(port: port)
        guard socket >= 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let headerEnd = text.range(of: "\r\n\r\n"),
                let lengthLine = text[..<headerEnd.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
                text.utf8.distance(from: headerEnd.upperBound, to: text.utf8.endIndex) >= length
            {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Starts `setlist serve clock --http 127.0.0.1:PORT` and waits until it accepts connections.
    static func startClock(port: Int) async throws -> SignalableProcess {
        try #require(FileManager.default.isExecutableFile(atPath: setlist), "\(setlist) is missing: run swift build first")
        let process = try SignalableProcess(path: setlist, arguments: ["serve", "clock", "--http", "127.0.0.1:\(port)"], readsErrors: false)
        let deadline = Date().addingTimeInterval(30)
        while true {
            let socket = connect(port: port)
            if socket >= 0 {
                close(socket)
                return process
            }
            guard Date() < deadline, kill(process.pid, 0) == 0 else {
                process.stop(SIGKILL)
                try #require(Bool(false), "setlist serve clock did not listen on port \(port)")
                return process
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// A child process started with no signals blocked or ignored, so that SIGINT
/// reaches it: Foundation's `Process` passes on the test runner's blocked signals, and
/// tcpdump flushes its file only when it hears SIGINT.
final class SignalableProcess: Sendable {
    let pid: pid_t
    private let errorOutput: Int32

    /// - Parameter readsErrors: pipe stderr to ``readError()``; else it goes to /dev/null.
    init(path: String, arguments: [String], readsErrors: Bool = true) throws {
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0, "cannot make a pipe")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if readsErrors {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        close(pipeEnds[1])
        try #require(result == 0, "cannot start \(path): \(String(cString: strerror(result)))")
        pid = child
        errorOutput = pipeEnds[0]
    }

    /// What the process wrote to stderr until it said `words`, or until its stderr ended.
    func waitForError(saying words: String) async -> String {
        await onOwnThread {
            var said = ""
            while !said.contains(words), let chunk = self.readError() { said += chunk }
            return said
        }
    }

    /// What the process wrote to stderr since the last call; nil at its end. It blocks.
    func readError() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(errorOutput, $0.baseAddress, $0.count) }
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// Sends `signal` and waits for the exit; returns the exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGINT) -> Int32 {
        stopReporting(signal).status
    }

    /// Sends `signal`, waits for the exit, and returns the status with the last words on stderr.
    func stopReporting(_ signal: Int32 = SIGINT) -> (status: Int32, said: String) {
        kill(pid, signal)
        var said = ""
        while let chunk = readError() { said += chunk }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(errorOutput)
        return ((status >> 8) & 0xff, said)
    }
}

/// A one-connection server that answers a POST with an SSE stream: a progress
/// notification, a pause, then the result, then it closes (as a Streamable HTTP server
/// that streams its answer does).
final class SSEServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let thread: Thread

    init(port: Int) throws {
        self.port = port
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = LoopbackCapture.loopback(port: port)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        try #require(bound && listen(socket, 4) == 0, "cannot listen on 127.0.0.1:\(port)")
        listener = socket
        thread = Thread {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !String(decoding: received, as: UTF8.self).hasSuffix("}") {
                let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return }
                received += buffer[..<count]
            }
            func write(_ text: String) {
                let bytes = Array(text.utf8)
                _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
            }
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n")
            write("event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":1,\"progress\":0.5}}\n\n")
            usleep(30_000)
            write("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}}\n\n")
        }
        thread.start()
    }

    deinit { close(listener) }
}
