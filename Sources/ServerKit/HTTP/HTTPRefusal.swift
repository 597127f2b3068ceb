import Foundation
import HTTPTypes
import Hummingbird

/// An HTTP request turned away before it reaches the router: the status, and a
/// JSON-RPC error body (id `null`) whose message says what to change.
public struct HTTPRefusal: Error, Sendable, Equatable {
    public var status: Int
    public var message: String
    public var headers: [String: String]

    public init(status: Int, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// `{"error":{"code":-32600,"message":…},"id":null,"jsonrpc":"2.0"}`, as MCP servers answer refusals.
    var body: Data {
        OutgoingMessage.error(id: nil, JSONRPCError(code: -32600, message: message))
    }

    /// The refusal as a Hummingbird response.
    var response: Response {
        var fields: HTTPFields = [.contentType: "application/json"]
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
