import Foundation
import HTTPTypes
import Hummingbird
import MCP

extension MCP.HTTPRequest {
    /// The SDK's view of a Hummingbird request with its collected body.
    init(_ request: Request, body: ByteBuffer) {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        // HTTP/1.1's Host header arrives as the request's authority.
        if let authority = request.head.authority { headers["host"] = authority }
        self.init(
            method: request.method.rawValue,
            headers: headers,
            body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil,
            path: request.uri.path)
    }
}

extension Response {
    /// A Hummingbird response for the SDK's answer, streaming SSE bodies as they come.
    init(_ response: MCP.HTTPResponse) {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        let status = HTTPTypes.HTTPResponse.Status(code: response.statusCode)
        switch response {
        case .stream(let stream, _):
            self.init(
                status: status, headers: fields,
                body: ResponseBody { writer in
                    for try await chunk in stream {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                    try await writer.finish(nil)
                })
        default:
            let body = response.bodyData.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
            self.init(status: status, headers: fields, body: body)
        }
    }
}
