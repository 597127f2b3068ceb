import Foundation
import HTTPTypes
import Hummingbird

/// An HTTP request turned away before it reaches the router: the status, and a
/// JSON-RPC error body (id `null`) whose message says what to change.
struct HTTPRefusal: Error, Sendable, Equatable {
    var status: Int
    var message: String
    var headers: [String: String]

    init(status: Int, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// `{"error":{"code":-32600,"message":…},"id":null,"jsonrpc":"2.0"}`, as MCP servers answer refusals.
    var body: Data {
        OutgoingMessage.error(id: nil, JSONRPCError(code: -32600, message: message))
    }

    /// The header fields of the answer: JSON, and any the refusal names.
    var headerFields: [(String, String)] {
        [("Content-Type", "application/json")] + headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The refusal as a Hummingbird response.
    var response: Response {
        var fields = HTTPFields()
        for (name, value) in headerFields {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
