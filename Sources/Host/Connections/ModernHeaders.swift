import Foundation
import MCP
import ServerKit

/// The headers a modern-era POST carries besides its body, so that gateways can route
/// it without reading JSON: the protocol version (`MCP-Protocol-Version`, as in the
/// body's `_meta`), the method (`Mcp-Method`), and for `tools/call`, `prompts/get` and
/// `resources/read` the tool, prompt or resource (`Mcp-Name`). A server refuses a POST
/// whose headers are missing or differ from its body (`HeaderMismatch`).
enum ModernHeaders {
    /// - Parameter parameters: for `tools/call`, the tool's parameters marked with
    ///   `x-mcp-header`, whose values the call mirrors into `Mcp-Param-*` headers.
    static func fields(for message: Value, mirroring parameters: ParamHeaders? = nil) -> [(String, String)] {
        let request = message.objectValue ?? [:]
        var fields = [(ModernRevision.Header.protocolVersion, ProtocolEra.modernVersion)]
        guard let method = request["method"]?.stringValue else { return fields }
        fields.append((ModernRevision.Header.method, method))
        let params = request["params"]?.objectValue ?? [:]
        if let parameter = ModernRevision.namedParameter(of: method), let name = params[parameter]?.stringValue {
            fields.append((ModernRevision.Header.name, HeaderValueEncoding.encoded(name)))
        }
        if method == "tools/call", let parameters {
            fields += parameters.fields(for: params["arguments"]?.objectValue ?? [:])
        }
        return fields
    }
}
