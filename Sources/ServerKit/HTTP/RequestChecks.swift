import MCP

/// The header checks of a stateless POST, on header values alone, so the direct
/// path can run them on the server's own request type and the SDK path through
/// ``StatelessPostValidator``.
enum StatelessPostChecks {
    /// Why the request is refused, as the answer to send; `nil` if it passes.
    ///
    /// - `Accept`: JSON, anything, or no header at all (as the seed's plain clients
    ///   send). The SDK's own check demands an explicit `application/json`, which
    ///   would turn away `curl -H 'Content-Type: application/json'`.
    /// - `Content-Type`: `application/json`.
    /// - `MCP-Protocol-Version`: absent, or a version this server speaks.
    static func refusal(
        accept: String?, contentType: String?, protocolVersion: String?, isInitialization: Bool
    ) -> MCP.HTTPResponse? {
        if let accept, !accept.split(separator: ",").contains(where: acceptsJSON) {
            return .error(
                statusCode: 406,
                .invalidRequest("Not Acceptable: this endpoint answers with application/json; accept it or omit Accept"))
        }
        guard contentType?[...].isMediaType("application/json") == true else {
            return .error(
                statusCode: 415, .invalidRequest("Unsupported Media Type: send the JSON-RPC message as application/json"))
        }
        if !isInitialization, let protocolVersion, !Version.supported.contains(protocolVersion) {
            let supported = Version.supported.sorted().joined(separator: ", ")
            return .error(
                statusCode: 400,
                .invalidRequest("Bad Request: unsupported protocol version \(protocolVersion); supported: \(supported)"))
        }
        return nil
    }

    private static func acceptsJSON(_ item: Substring) -> Bool {
        item.trimmingASCIISpaces.isEmpty || item.isMediaType("application/json") || item.isMediaType("application/*")
            || item.isMediaType("*/*")
    }
}

/// ``StatelessPostChecks`` for the SDK's stateless transport, which validates
/// requests built by `MCP.HTTPRequest.init(_:body:)` with lowercase header names.
struct StatelessPostValidator: HTTPRequestValidator {
    func validate(_ request: MCP.HTTPRequest, context: HTTPValidationContext) -> MCP.HTTPResponse? {
        guard context.httpMethod == "POST" else { return nil }
        return StatelessPostChecks.refusal(
            accept: request.headers["accept"], contentType: request.headers["content-type"],
            protocolVersion: request.headers["mcp-protocol-version"], isInitialization: context.isInitializationRequest)
    }
}

extension Substring {
    /// Whether this header item names `type` (lowercase), in any case, parameters aside:
    /// `Application/JSON; charset=utf-8` names `application/json`.
    func isMediaType(_ type: StaticString) -> Bool {
        let item = trimmingASCIISpaces.utf8
        var position = item.startIndex
        for expected in UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount) {
            guard position != item.endIndex else { return false }
            let byte = item[position]
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            guard lowered == expected else { return false }
            position = item.index(after: position)
        }
        guard position != item.endIndex else { return true }
        let next = item[position]
        return next == UInt8(ascii: ";") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
    }

    var trimmingASCIISpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
