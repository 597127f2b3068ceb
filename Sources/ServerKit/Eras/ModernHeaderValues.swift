import Foundation
import MCP

/// The headers that came with a modern POST, which must say what its body says:
/// `MCP-Protocol-Version`, `Mcp-Method`, and `Mcp-Name` for the requests that name a
/// tool, prompt or resource. A header that is missing counts as one that differs.
struct ModernHeaderValues: Sendable, Equatable {
    var protocolVersion: String?
    var method: String?
    var name: String?

    /// What differs between the headers and the body, worded for the client; `nil` if nothing.
    func mismatch(method bodyMethod: String, params: [String: Value], protocolVersion bodyVersion: String) -> String? {
        if protocolVersion != bodyVersion {
            return "\(ModernRevision.Header.protocolVersion) \(Self.shown(protocolVersion)) differs from params._meta's \(bodyVersion.clipped(to: 40))"
        }
        if method != bodyMethod {
            return "\(ModernRevision.Header.method) \(Self.shown(method)) differs from the body's method \(bodyMethod.clipped(to: 100))"
        }
        if let parameter = ModernRevision.namedParameter(of: bodyMethod) {
            let named = params[parameter]?.stringValue
            if name.map(HeaderValueEncoding.decoded) != named {
                return "\(ModernRevision.Header.name) \(Self.shown(name)) differs from params.\(parameter)"
            }
        }
        return nil
    }

    private static func shown(_ value: String?) -> String {
        value.map { "'\($0.clipped(to: 100))'" } ?? "(missing)"
    }
}
