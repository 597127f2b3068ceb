import Foundation
import Logging
import MCP
import Testing

@testable import ServerKit

/// The stdio transport over real pipes, serving a real service.
@Suite struct StandardIOTransportTests {
    /// A service served over a pair of pipes; write lines in, read lines out.
    final class PipedServer: @unchecked Sendable {
        let toServer = Pipe()
        let fromServer = Pipe()
        let task: Task<Void, any Error>

        init(_ service: MCPService) {
            let input = toServer.fileHandleForReading.fileDescriptor
            let output = fromServer.fileHandleForWriting.fileDescriptor
            task = Task {
                let transport = StandardIOTransport(input: input, output: output, direct: service, logger: Logger(label: "test"))
                let server = try await service.start(on: transport, bidirectional: true, logger: Logger(label: "test"))
                await server.waitUntilCompleted()
                await server.stop()
            }
        }

        func send(_ lines: [String]) {
            toServer.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }

        func closeInput() throws {
            try toServer.fileHandleForWriting.close()
        }

        /// Every answer written until the server closes its output.
        func answersUntilDone() async throws -> [Value] {
            _ = try await task.value
            try fromServer.fileHandleForWriting.close()
            let data = fromServer.fileHandleForReading.readDataToEndOfFile()
            return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONParser.parse(Data($0.utf8)) }
        }
    }

    static let service = MCPService(name: "test", tools: [AnyTool(DirectAnsweringTests.Greeting.definition)])

    @Test func answersEveryRequestReadBeforeInputEnds() async throws {
        let server = PipedServer(Self.service)
        server.send([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet","arguments":{"name":"Ana"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
            "this is not json",
        ])
        try server.closeInput()
        let answers = try await server.answersUntilDone()
        let byID = Dictionary(answers.map { ($0.objectValue?["id"] ?? .null, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byID.keys) == [1, 2, 3, .null])
        #expect(byID[1]?.objectValue?["result"]?.objectValue?["serverInfo"]?.objectValue?["name"] == "test")
        #expect(byID[2]?.objectValue?["result"]?.objectValue?["structuredContent"] == ["greeting": "Hola, Ana"])
        #expect(byID[.null]?.objectValue?["error"]?.objectValue?["code"] == -32700)
    }

    @Test func handlesLinesSplitAcrossWritesAndWindowsLineEnds() async throws {
        let server = PipedServer(Self.service)
        let request = #"{"jsonrpc":"2.0","id":9,"method":"ping"}"#
        server.toServer.fileHandleForWriting.write(Data(request.prefix(10).utf8))
        try await Task.sleep(for: .milliseconds(50))
        server.toServer.fileHandleForWriting.write(Data((request.dropFirst(10) + "\r\n").utf8))
        try server.closeInput()
        let answers = try await server.answersUntilDone()
        #expect(answers == [["id": 9, "jsonrpc": "2.0", "result": [:]]])
    }
}
