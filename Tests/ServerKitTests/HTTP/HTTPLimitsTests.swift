import Foundation
import NIOHTTP1
import Testing

@testable import ServerKit

/// What the HTTP server refuses or closes before any MCP message is read.
@Suite struct HTTPLimitsTests {
    static let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#

    // MARK: - Request heads

    static let plainBody = "Content-Type: application/json\r\nContent-Length: \(ping.utf8.count)\r\n\r\n" + ping
    static let chunkedBody = "Content-Type: application/json\r\n\r\n\(String(ping.utf8.count, radix: 16))\r\n\(ping)\r\n0\r\n\r\n"

    @Test(arguments: [
        ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n" + plainBody, 400),
        ("POST /mcp HTTP/1.1\r\n" + plainBody, 400),
        ("POST http://evil.example/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + plainBody, 400),
        ("POST http://127.0.0.1/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + plainBody, 400),
        ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n" + chunkedBody, 501),
    ])
    func refusesHeadsThatReadersCouldDisagreeOn(request: String, status: Int) async throws {
        try await LiveServer.with { server in
            let connection = try server.connect()
            let answer = try await connection.exchange(request)
            #expect(answer.status == status)
            #expect(answer.body.contains(#""code":-32600"#))
            #expect(try await connection.isClosedByServer(within: .seconds(10)))
        }
    }

    @Test func aChunkedBodyIsRead() async throws {
        try await LiveServer.with { server in
            let answer = try await server.connect().exchange(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n" + Self.chunkedBody)
            #expect(answer.status == 200)
        }
    }

    @Test func aBodyWithBothLengthAndChunksIsRefused() async throws {
        try await LiveServer.with { server in
            let connection = try server.connect()
            try connection.write(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n" + Self.chunkedBody)
            #expect(try await connection.readUntilClosed(timeout: .seconds(3)).hasPrefix("HTTP/1.1 400"))
        }
    }

    @Test func anHTTP10RequestWithoutHostPassesTheHeadButNotTheAccessCheck() async throws {
        try await LiveServer.with { server in
            let answer = try await server.connect().exchange(
                "POST /mcp HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: \(Self.ping.utf8.count)\r\n\r\n" + Self.ping)
            #expect(answer.status == 421)
            let named = try await server.connect().exchange(
                "POST /mcp HTTP/1.0\r\nHost: 127.0.0.1\r\n" + Self.plainBody)
            #expect(named.status == 200)
        }
    }

    /// A refused head pipelined behind a request waits for that request's answer.
    @Test func aRefusalWaitsForTheAnswersBeforeIt() async throws {
        try await LiveServer.with { server in
            let connection = try server.connect()
            let slow = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":300}}}"#
            try connection.write(
                httpRequest("POST", body: slow) + "POST /mcp HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + Self.plainBody)
            let received = try await connection.readUntilClosed(timeout: .seconds(5))
            let waited = try #require(received.range(of: #""waited":300"#))
            let refused = try #require(received.range(of: "HTTP/1.1 400"))
            #expect(waited.lowerBound < refused.lowerBound)
        }
    }

    @Test func originsMustBeExactlyASchemeAndAnAllowedHost() async throws {
        try await LiveServer.with { server in
            for origin in ["http://evil.com\\@localhost", "http://localhost@evil.com", "http://localhost/x", "null", "http://localhost:1:2"] {
                let answer = try await server.connect().exchange(httpRequest("POST", headers: ["Origin: \(origin)"], body: Self.ping))
                #expect(answer.status == 403, "\(origin)")
            }
            let local = try await server.connect().exchange(httpRequest("POST", headers: ["Origin: http://localhost:3000"], body: Self.ping))
            #expect(local.status == 200)
        }
    }

    // MARK: - Bodies

    @Test func aDeclaredBodyOverTheLimitIs413AtOnce() async throws {
        try await LiveServer.with { server in
            let connection = try server.connect()
            let answer = try await connection.exchange(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \((1 << 20) + 1)\r\n\r\n",
                timeout: .seconds(2))
            #expect(answer.status == 413)
        }
    }

    @Test func aBodyThatStallsIs408() async throws {
        var options = HTTPServingOptions(port: 0)
        options.bodyTimeout = .milliseconds(300)
        try await LiveServer.with(TestTools.service(), options) { server in
            let answer = try await server.connect().exchange(
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
                timeout: .seconds(5))
            #expect(answer.status == 408)
        }
    }

    // MARK: - Connections

    @Test func idleConnectionsAndUnfinishedHeadsAreClosed() async throws {
        var options = HTTPServingOptions(port: 0)
        options.idleTimeout = .milliseconds(300)
        try await LiveServer.with(TestTools.service(), options) { server in
            let idle = try server.connect()
            let halfHead = try server.connect()
            try halfHead.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            let served = try server.connect()
            #expect(try await served.exchange(httpRequest("POST", body: Self.ping)).status == 200)
            #expect(try await idle.isClosedByServer(within: .seconds(3)))
            #expect(try await halfHead.isClosedByServer(within: .seconds(3)))
            #expect(try await served.isClosedByServer(within: .seconds(3)))
        }
    }

    @Test func connectionsBeyondTheLimitWaitForOneToClose() async throws {
        var options = HTTPServingOptions(port: 0)
        options.maxConnections = 2
        try await LiveServer.with(TestTools.service(), options) { server in
            var held = [try server.connect(), try server.connect()]
            try await Task.sleep(for: .milliseconds(200))
            let waiting = try server.connect()
            try waiting.write(httpRequest("POST", body: Self.ping))
            #expect(try await waiting.readStream(until: "\r\n\r\n", timeout: .milliseconds(500)).isEmpty)
            held.removeAll()
            #expect(try await waiting.readStream(until: #""result":{}"#, timeout: .seconds(5)).contains("200 OK"))
        }
    }

    // MARK: - The head checks alone

    @Test func readsHeadsAsRFC9112Asks() {
        func head(_ uri: String, version: HTTPVersion = .http1_1, _ headers: [(String, String)]) -> HTTPRequestHead {
            HTTPRequestHead(version: version, method: .POST, uri: uri, headers: HTTPHeaders(headers))
        }
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", [("Host", "a")])) == nil)
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", [("Host", "a"), ("Transfer-Encoding", " Chunked ")])) == nil)
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", version: .http1_0, [])) == nil)
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", [("Host", "a"), ("host", "b")]))?.status == 400)
        #expect(HTTP1RequestGuard.refusal(of: head("*", [("Host", "a")]))?.status == 400)
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", [("Host", "a"), ("Transfer-Encoding", "chunked, chunked")]))?.status == 501)
        #expect(HTTP1RequestGuard.refusal(of: head("/mcp", [("Host", "a"), ("Transfer-Encoding", "identity")]))?.status == 501)
    }
}
