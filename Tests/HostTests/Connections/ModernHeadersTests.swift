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

    @Test func valuesAHeaderCannotCarryAreInBase64() {
        #expect(ModernHeaders.encoded("us-west1") == "us-west1")
        #expect(ModernHeaders.encoded("Hello, 世界") == "=?base64?SGVsbG8sIOS4lueVjA==?=")
        #expect(ModernHeaders.encoded(" padded ") == "=?base64?IHBhZGRlZCA=?=")
        #expect(ModernHeaders.encoded("line1\nline2") == "=?base64?bGluZTEKbGluZTI=?=")
        #expect(ModernHeaders.encoded("=?base64?literal?=") == "=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=")
    }
}
