import Foundation
import Logging
import MCP
import Testing

@testable import ServerKit

/// The stdio connection over real pipes, serving a real service.
@Suite struct StdioConnectionTests {
    /// A service served over a pair of pipes; write lines in, read lines out.
    final class PipedServer: @unchecked Sendable {
        let toServer = Pipe()
        let fromServer = Pipe()
        let task: Task<Void, Never>
        /// Everything the server writes, read as it comes so that its writes never block.
        let output: Task<Data, any Error>

        init(_ service: MCPService = TestTools.service()) {
            let connection = StdioConnection(
                service: service, input: toServer.fileHandleForReading.fileDescriptor,
                output: fromServer.fileHandleForWriting.fileDescriptor, logger: Logger(label: "test"))
            task = Task { await connection.run() }
            let reading = fromServer.fileHandleForReading
            output = Task { try await onOwnThread { reading.readDataToEndOfFile() } }
        }

        func send(_ lines: [String]) {
            send(Data((lines.joined(separator: "\n") + "\n").utf8))
        }

        func send(_ data: Data) {
            toServer.fileHandleForWriting.write(data)
        }

        func closeInput() throws {
            try toServer.fileHandleForWriting.close()
        }

        /// Every line written until the server returns, as raw bytes.
        func linesUntilDone() async throws -> [Data] {
            await task.value
            try fromServer.fileHandleForWriting.close()
            return try await output.value.split(separator: UInt8(ascii: "\n")).map { Data($0) }
        }

        /// Every answer written until the server returns.
        func answersUntilDone() async throws -> [Value] {
            try await linesUntilDone().map { try JSONParser.parse($0) }
        }
    }

    @Test func answersEveryRequestReadBeforeInputEnds() async throws {
        let server = PipedServer()
        server.send([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
            "this is not json",
        ])
        try server.closeInput()
        let answers = try await server.answersUntilDone()
        let byID = Dictionary(answers.map { ($0["id"] ?? .null, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(answers.count == 4)
        #expect(Set(byID.keys) == [1, 2, 3, .null])
        #expect(byID[1]?["result"]?["serverInfo"]?["name"] == "test")
        #expect(byID[2]?["result"]?["structuredContent"] == ["greeting": "Hola, Ana"])
        #expect(byID[.null]?.errorCode == -32700)
    }

    @Test func handlesLinesSplitAcrossWritesAndWindowsLineEnds() async throws {
        let server = PipedServer()
        let request = #"{"jsonrpc":"2.0","id":9,"method":"ping"}"#
        server.send(Data(request.prefix(10).utf8))
        try await Task.sleep(for: .milliseconds(50))
        server.send(Data((request.dropFirst(10) + "\r\n").utf8))
        try server.closeInput()
        #expect(try await server.answersUntilDone() == [["id": 9, "jsonrpc": "2.0", "result": [:]]])
    }

    /// A large call, a junk line and the end of input: both are answered, each with its own id.
    @Test func drainsALargeCallThatAJunkLineFollows() async throws {
        let server = PipedServer()
        let text = String(repeating: "a", count: 30 << 20)
        let writer = Task {
            try await onOwnThread {
                server.send([
                    #"{"jsonrpc":"2.0","id":"big","method":"tools/call","params":{"name":"measure","arguments":{"text":"\#(text)"}}}"#,
                    #"{"foo":1}"#,
                ])
                try server.closeInput()
            }
        }
        let answers = try await server.answersUntilDone()
        try await writer.value
        #expect(answers.count == 2)
        let big = try #require(answers.first { $0["id"] == "big" })
        #expect(big["result"]?["structuredContent"] == ["bytes": .int(30 << 20)])
        #expect(answers.contains { $0["id"] == .null && $0.errorCode == -32600 })
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":9223372036854775808,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":true,"method":"ping"}"#,
        #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":{},"method":"ping"}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"ping","result":{}}"#, #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
    ])
    func answersOddIdsAtOnceAndExitsPromptlyAtTheEnd(line: String) async throws {
        let started = ContinuousClock.now
        let server = PipedServer()
        server.send([line])
        try server.closeInput()
        #expect(try await server.linesUntilDone().count == 1)
        // Below the 30 s the end of input waits for answers still owed, whatever else
        // the machine runs meanwhile.
        #expect(ContinuousClock.now - started < .seconds(29))
    }

    @Test(.timeLimit(.minutes(1))) func aCancelledCallIsNotAnsweredAndDoesNotHoldUpTheEnd() async throws {
        let log = WorkLog()
        let server = PipedServer(TestTools.service(log: log))
        let started = ContinuousClock.now
        server.send([#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":600000}}}"#])
        while log.snapshot.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
        server.send([
            #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"changed my mind"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#,
        ])
        try server.closeInput()
        #expect(try await server.answersUntilDone() == [["id": 2, "jsonrpc": "2.0", "result": [:]]])
        #expect(log.snapshot.cancelled == 1)
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
