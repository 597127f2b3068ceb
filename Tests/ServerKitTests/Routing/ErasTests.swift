import MCP
import Testing

@testable import ServerKit

/// One connection (stdio's, say) serves both eras: each request's `_meta` says which.
@Suite struct ErasTests {
    static let meta = #""_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}"#

    @Test func discoverNamesTheVersionsCapabilitiesAndServer() async throws {
        let probe = RouterProbe()
        let discover = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{\#(Self.meta)}}"#))
        let result = try #require(discover["result"])
        #expect(result["supportedVersions"]?.arrayValue?.first == "2026-07-28")
        #expect(result["supportedVersions"]?.arrayValue?.contains("2025-11-25") == true)
        #expect(result["capabilities"]?["tools"] == ["listChanged": false])
        #expect(result["resultType"] == "complete" && result["cacheScope"] == "private" && result["ttlMs"] == 300_000)
        #expect(result["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == "test")
        // Without the modern _meta, discover is no method of the handshake era.
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":2,"method":"server/discover"}"#)?.errorCode == -32601)
    }

    @Test func theErasMeetOnOneConnectionEachAnsweredInItsOwnWay() async throws {
        let probe = RouterProbe()
        let modern = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{\#(Self.meta)}}"#))
        #expect(modern["result"]?["resultType"] == "complete" && modern["result"]?["ttlMs"] != nil)
        let initialize = try #require(
            try await probe.send(
                #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#))
        #expect(initialize["result"]?["protocolVersion"] == "2025-06-18")
        let handshake = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#))
        #expect(handshake["result"]?["resultType"] == nil && handshake["result"]?["tools"]?.arrayValue?.count == 3)
        #expect(handshake["result"]?["tools"] == modern["result"]?["tools"])
        // ping is gone from the modern era, and kept in the handshake era.
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":4,"method":"ping","params":{\#(Self.meta)}}"#)?.errorCode == -32601)
        #expect(try await probe.send(#"{"jsonrpc":"2.0","id":5,"method":"ping"}"#)?["result"] == [:])
    }

    @Test func aModernToolCallAnswersAsTheHandshakeEraDoesWithTheErasMembers() async throws {
        let probe = RouterProbe()
        let call = #""name":"greet","arguments":{"name":"Ana"}"#
        let modern = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{\#(call),\#(Self.meta)}}"#)?["result"])
        let handshake = try #require(try await probe.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{\#(call)}}"#)?["result"])
        #expect(modern["structuredContent"] == handshake["structuredContent"] && modern["content"] == handshake["content"])
        #expect(modern["resultType"] == "complete" && modern["_meta"]?["io.modelcontextprotocol/serverInfo"] != nil)
        #expect(modern["ttlMs"] == nil, "a tool's answer is not kept")
    }
}
