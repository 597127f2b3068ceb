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
        if let accept = headers[.accept], !accept.split(separator: ",").contains(where: acceptsAnswer) {
            return HTTPRefusal(
                status: 406, message: "Not Acceptable: this endpoint answers with application/json; accept it or omit Accept")
        }
        guard headers[.contentType]?[...].isMediaType("application/json") == true else {
            return HTTPRefusal(status: 415, message: "Unsupported Media Type: send the JSON-RPC message as application/json")
        }
        if let encoding = headers[.contentEncoding], encoding.trimmingASCIISpaces.lowercased() != "identity" {
            return HTTPRefusal(status: 415, message: "Unsupported Media Type: send the body without Content-Encoding")
        }
        return protocolVersionRefusal(headers)
    }

    /// Why a request naming an unsupported `MCP-Protocol-Version` is refused.
    static func protocolVersionRefusal(_ headers: HTTPFields) -> HTTPRefusal? {
        guard let version = headers[protocolVersionField], !Version.supported.contains(version) else { return nil }
        let supported = Version.supported.sorted().joined(separator: ", ")
        return HTTPRefusal(
            status: 400,
            message: "Bad Request: unsupported protocol version \(version.clipped(to: 40)); supported: \(supported)")
    }

    private static func acceptsAnswer(_ item: Substring) -> Bool {
        item.trimmingASCIISpaces.isEmpty || item.isMediaType("application/json") || item.isMediaType("application/*")
            || item.isMediaType("*/*")
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
}

extension StringProtocol {
    var trimmingASCIISpaces: Substring {
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
