import MCP
import Testing

@testable import Host

/// The headers a modern-era POST mirrors from its body.
@Suite struct ModernHeadersTests {
    static func fields(_ message: Value) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ModernHeaders.fields(for: message))
    }

    @Test func aCallNamesItsMethodAndTool() {
        let call: Value = ["jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": ["name": "echo", "arguments": [:]]]
        #expect(Self.fields(call) == ["MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": "echo"])
        let read: Value = ["jsonrpc": "2.0", "id": 3, "method": "resources/read", "params": ["uri": "file:///a b.txt"]]
        #expect(Self.fields(read)["Mcp-Name"] == "file:///a b.txt")
        let list: Value = ["jsonrpc": "2.0", "id": 4, "method": "tools/list", "params": [:]]
        #expect(Self.fields(list) == ["MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/list"])
    }
}
