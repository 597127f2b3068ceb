import HTTPTypes
import MCP

/// The header checks of an MCP request over HTTP, on header values alone, the same for
/// stateless and stateful serving.
enum RequestChecks {
    static let protocolVersionField = HTTPField.Name("MCP-Protocol-Version")!
    static let sessionIDField = HTTPField.Name("Mcp-Session-Id")!

    /// Why a POST is refused; `nil` if it passes.
    ///
    /// - `Accept`: JSON, anything, or no header at all (as the seed's plain clients
    ///   send): answers to POSTs are JSON. A stricter check would turn away
    ///   `curl -H 'Content-Type: application/json'`.
    /// - `Content-Type`: `application/json`, in any case; `Content-Encoding` none.
    /// - `MCP-Protocol-Version`: absent, or a version this server speaks.
    static func refusal(ofPost headers: HTTPFields) -> HTTPRefusal? {
        mediaRefusal(ofPost: headers) ?? protocolVersionRefusal(headers)
    }

    /// Why a POST is refused for its `Accept`, `Content-Type` or `Content-Encoding`;
    /// `nil` if they pass. A modern POST's version is checked against its body instead.
    static func mediaRefusal(ofPost headers: HTTPFields) -> HTTPRefusal? {
        if let accept = headers.value(.accept), !accept.trimmingASCIISpaces.isEmpty,
            !accept.listsMediaType("application/json", "application/*", "*/*")
        {
            return HTTPRefusal(
                status: 406, message: "Not Acceptable: this endpoint answers with application/json; accept it or omit Accept")
        }
        guard headers.value(.contentType)?.isMediaType("application/json") == true else {
            return HTTPRefusal(status: 415, message: "Unsupported Media Type: send the JSON-RPC message as application/json")
        }
        if let encoding = headers.value(.contentEncoding), encoding.trimmingASCIISpaces.lowercased() != "identity" {
            return HTTPRefusal(status: 415, message: "Unsupported Media Type: send the body without Content-Encoding")
        }
        return nil
    }

    /// Why a GET, which opens a session's SSE stream, is refused; `nil` if it passes.
    static func refusal(ofStreamRequest headers: HTTPFields) -> HTTPRefusal? {
        guard headers.value(.accept)?.listsMediaType("text/event-stream") == true else {
            return HTTPRefusal(status: 406, message: "Not Acceptable: a GET opens an SSE stream; accept text/event-stream")
        }
        return protocolVersionRefusal(headers)
    }

    /// Why a request naming an unsupported `MCP-Protocol-Version` is refused.
    static func protocolVersionRefusal(_ headers: HTTPFields) -> HTTPRefusal? {
        guard let version = headers.value(protocolVersionField), !Version.supported.contains(version) else { return nil }
        let supported = Version.supported.sorted().joined(separator: ", ")
        return HTTPRefusal(
            status: 400,
            message: "Bad Request: unsupported protocol version \(version.clipped(to: 40)); supported: \(supported)")
    }
}
