import Foundation
import ServerKit
import Testing

@testable import Host

#if canImport(Glibc)
    import Glibc
#endif

/// The real servers the connection tests speak to, found from this package's folder:
/// the `setlist` that `swift build` built, and the Python tools `scripts/python-env`
/// installs in `.venv` (the SDK's peer, `mcp-server-time`).
enum TestPeers {
    /// The folder that holds Package.swift.
    static let package: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// The `setlist` that `swift build` (and `swift test`) built in the package's `.build`.
    static let setlist = package.appendingPathComponent(".build/debug/setlist").path

    /// A program of the package's Python environment; the test fails, saying how to make
    /// the environment, when it is not there.
    static func python(_ program: String) throws -> String {
        let path = package.appendingPathComponent(".venv/bin/\(program)").path
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "\(path) is missing: run scripts/python-env .venv Tests/Interop/requirements.txt")
        return path
    }

    /// A memory of eras in a file of its own, so that tests learn every era afresh.
    static func freshMemory() -> EraMemory {
        EraMemory(file: FileManager.default.temporaryDirectory.appendingPathComponent("setlist-eras-\(UUID().uuidString).json").path)
    }

    /// Runs an HTTP server from Tests/Interop/peers on a free port while `body` runs: by
    /// default sse_server.py, the Python SDK's with a tool `echo`. The port follows the
    /// script, then `arguments`.
    static func withPythonPeer(_ script: String = "sse_server.py", arguments: [String] = [], _ body: (URL) async throws -> Void)
        async throws
    {
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python("python"))
        process.arguments = [package.appendingPathComponent("Tests/Interop/peers/\(script)").path, String(port)] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            let url = URL(string: "http://127.0.0.1:\(port)/mcp")!
            let deadline = ContinuousClock.now + .seconds(30)
            while !listens(port) {
                try #require(
                    ContinuousClock.now < deadline && process.isRunning, "the Python peer \(script) did not start listening on port \(port)")
                try await Task.sleep(for: .milliseconds(100))
            }
            try await body(url)
        } catch {
            await stop(process)
            throw error
        }
        await stop(process)
    }

    /// Stops a peer: SIGTERM, and SIGKILL when it still runs a few seconds later (Uvicorn
    /// waits on open SSE streams before it exits).
    static func stop(_ process: Process) async {
        await onOwnThread {
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    /// Whether something accepts connections on the loopback port (a peer may never answer a request).
    private static func listens(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A loopback port nothing listens on at the moment.
    private static func freePort() throws -> Int {
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

    /// 127.0.0.1 at `port` (0: any free one).
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }
}
