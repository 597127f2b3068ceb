import MCP
import Testing

@testable import ServerKit

/// A request's era, read from its `_meta` (and, over HTTP, the headers that mirror it),
/// checked in the revision's order.
@Suite struct ModernRequestTests {
    static let meta: Value = [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": [:],
    ]

    static func era(_ method: String, _ params: [String: Value], headers: ModernHeaderValues? = nil) -> ModernRequest.Era {
        ModernRequest.era(method: method, params: params, mirroredBy: headers)
    }

    static func refusalCode(_ era: ModernRequest.Era) -> Int? {
        guard case .refused(let error) = era else { return nil }
        return error.code
    }

    @Test func aRequestWithoutTheModernMetaIsOfTheHandshakeEra() {
        #expect(Self.era("tools/list", [:]) == .handshake)
        #expect(Self.era("tools/call", ["name": "x", "_meta": ["progressToken": 1]]) == .handshake)
        // initialize is the handshake itself, whatever its _meta says.
        #expect(Self.era("initialize", ["_meta": Self.meta]) == .handshake)
    }

    @Test func theModernMetaMakesAModernRequest() {
        #expect(Self.era("tools/list", ["_meta": Self.meta]) == .modern(ModernRequest(protocolVersion: "2026-07-28", clientCapabilities: [:])))
    }

    @Test func whatAModernRequestLacksIsRefusedInTheRevisionsOrder() {
        // The capabilities are required beside the version.
        #expect(Self.refusalCode(Self.era("tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2026-07-28"]])) == -32602)
        #expect(Self.refusalCode(Self.era("tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": 2026, "io.modelcontextprotocol/clientCapabilities": [:]]])) == -32602)
        // A version it does not serve names the one it does.
        let future = Self.era("tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2099-01-01", "io.modelcontextprotocol/clientCapabilities": [:]]])
        guard case .refused(let error) = future else {
            Issue.record("\(future)")
            return
        }
        #expect(error.code == -32022 && error.data == ["supported": ["2026-07-28"], "requested": "2099-01-01"])
    }

    @Test func overHTTPTheHeadersMustSayWhatTheBodySays() {
        let call: [String: Value] = ["name": "Hello, 世界", "_meta": Self.meta]
        let matching = ModernHeaderValues(protocolVersion: "2026-07-28", method: "tools/call", name: "=?base64?SGVsbG8sIOS4lueVjA==?=")
        #expect(Self.refusalCode(Self.era("tools/call", call, headers: matching)) == nil)
        for headers in [
            ModernHeaderValues(protocolVersion: "2026-07-28", method: "tools/call", name: "other"),
            ModernHeaderValues(protocolVersion: "2026-07-28", method: "tools/call", name: nil),
            ModernHeaderValues(protocolVersion: "2026-07-28", method: "tools/list", name: "Hello, 世界"),
            ModernHeaderValues(protocolVersion: "2099-01-01", method: "tools/call", name: "Hello, 世界"),
        ] {
            #expect(Self.refusalCode(Self.era("tools/call", call, headers: headers)) == -32020, "\(headers)")
        }
        // A modern POST must carry the modern _meta (-32602 comes before -32020), and cannot be initialize (-32022).
        #expect(Self.refusalCode(Self.era("tools/list", [:], headers: matching)) == -32602)
        #expect(Self.refusalCode(Self.era("initialize", ["protocolVersion": "2025-11-25"], headers: matching)) == -32022)
    }
}
