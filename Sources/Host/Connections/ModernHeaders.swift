import Foundation
import MCP

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
        var fields = [("MCP-Protocol-Version", ProtocolEra.modernVersion)]
        guard let method = request["method"]?.stringValue else { return fields }
        fields.append(("Mcp-Method", method))
        let params = request["params"]?.objectValue ?? [:]
        let name: Value? =
            switch method {
            case "tools/call", "prompts/get": params["name"]
            case "resources/read": params["uri"]
            default: nil
            }
        if let name = name?.stringValue { fields.append(("Mcp-Name", encoded(name))) }
        if method == "tools/call", let parameters {
            fields += parameters.fields(for: params["arguments"]?.objectValue ?? [:])
        }
        return fields
    }

    /// A value as a header carries it: as it is when it is plain visible ASCII (spaces
    /// inside allowed), else Base64 of its UTF-8 between `=?base64?` and `?=`, as is any
    /// value that already looks like that.
    static func encoded(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || (0x21...0x7E).contains($0.value) }
        let padded = value.first.map(\.isWhitespace) == true || value.last.map(\.isWhitespace) == true
        let lookalike = value.hasPrefix("=?base64?") && value.hasSuffix("?=")
        guard !plain || padded || lookalike else { return value }
        return "=?base64?" + Data(value.utf8).base64EncodedString() + "?="
    }
}
