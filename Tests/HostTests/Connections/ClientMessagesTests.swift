import MCP
import Testing

@testable import Host

/// The `_meta` requests carry in each era, and what answers hold.
@Suite struct ClientMessagesTests {
    @Test func aModernRequestCarriesTheRevisionsKeysAndTheProgressToken() throws {
        let params = ClientMessages.params(
            ["name": "echo", "_meta": ["traceparent": "00-1-2-01"]], era: .modern, progressToken: "peer-3")
        let meta = try #require(params["_meta"]?.objectValue)
        #expect(meta["io.modelcontextprotocol/protocolVersion"] == "2026-07-28")
        #expect(meta["io.modelcontextprotocol/clientCapabilities"] == .object([:]))
        #expect(meta["io.modelcontextprotocol/clientInfo"]?.objectValue?["name"] == "setlist")
        #expect(meta["progressToken"] == "peer-3")
        #expect(meta["traceparent"] == "00-1-2-01")
        #expect(params["name"] == "echo")
    }

    @Test func aHandshakeRequestCarriesOnlyTheProgressToken() {
        #expect(ClientMessages.params(["name": "echo"], era: .handshake, progressToken: nil) == ["name": "echo"])
        #expect(ClientMessages.params([:], era: .handshake, progressToken: "t") == ["_meta": ["progressToken": "t"]])
        #expect(ClientMessages.params([:], era: nil, progressToken: nil) == [:])
    }

    @Test func aResultThatIsNotCompleteIsAClearError() {
        let complete: [String: Value] = ["jsonrpc": "2.0", "id": 1, "result": ["resultType": "complete", "tools": []]]
        #expect(ClientMessages.outcome(of: complete, server: "s") == .success(["resultType": "complete", "tools": []]))
        let legacy: [String: Value] = ["jsonrpc": "2.0", "id": 1, "result": ["tools": []]]
        #expect(ClientMessages.outcome(of: legacy, server: "s") == .success(["tools": []]))
        let asking: [String: Value] = ["jsonrpc": "2.0", "id": 1, "result": ["resultType": "input_required", "inputRequests": [:]]]
        let error = ConnectionError.unfinished(server: "s", resultType: "input_required")
        #expect(ClientMessages.outcome(of: asking, server: "s") == .failure(error))
        #expect(error.description.contains("\"input_required\""))
    }

    @Test func anUnsupportedVersionNamesWhatTheServerSpeaks() {
        let answer: [String: Value] = [
            "jsonrpc": "2.0", "id": 1,
            "error": ["code": -32022, "message": "Unsupported protocol version", "data": ["supported": ["2026-07-28"], "requested": "2025-11-25"]],
        ]
        let error = ConnectionError.unsupportedVersion(server: "s", supported: ["2026-07-28"])
        #expect(ClientMessages.outcome(of: answer, server: "s") == .failure(error))
        #expect(error.description.contains("speaks MCP 2026-07-28"))
        let other: [String: Value] = ["jsonrpc": "2.0", "id": 1, "error": ["code": -32601, "message": "Method not found"]]
        #expect(ClientMessages.outcome(of: other, server: "s") == .failure(.rejected(server: "s", code: -32601, message: "Method not found")))
    }
}
