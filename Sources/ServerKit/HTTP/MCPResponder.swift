import HTTPTypes
import Hummingbird
import MCP

/// Routes the server's few paths: `/mcp` and the seed's `/mcp/jsonrpc` to the MCP
/// endpoint after the access checks, and `GET /healthz` for probes.
///
/// A switch on three paths does what a router would, without its per-request work.
struct MCPResponder: HTTPResponder {
    let endpoint: any MCPEndpoint
    let options: HTTPServingOptions

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        switch request.uri.path {
        case "/mcp", "/mcp/jsonrpc":
            guard [.post, .get, .delete].contains(request.method) else {
                return Response(status: .methodNotAllowed, headers: [.allow: "GET, POST, DELETE"])
            }
            if let denial = options.access.check(
                host: request.head.authority, origin: request.headers[.origin],
                authorization: request.headers[.authorization])
            {
                context.logger.notice(
                    "Refused an MCP request",
                    metadata: ["status": "\(denial.status)", "host": "\(request.head.authority ?? "-")"])
                return Response(
                    MCP.HTTPResponse.error(
                        statusCode: denial.status, .invalidRequest(denial.message), extraHeaders: denial.headers))
            }
            var request = request
            do {
                let body = try await request.collectBody(upTo: options.maxBodyBytes)
                return await endpoint.respond(to: request, body: body)
            } catch let error as any HTTPResponseError {
                return try error.response(from: request, context: context)
            }
        case "/healthz" where request.method == .get || request.method == .head:
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        default:
            return Response(status: .notFound)
        }
    }
}
