import HTTPTypes
import Hummingbird

/// Routes the server's few paths: `/mcp` and the seed's `/mcp/jsonrpc` to the MCP
/// endpoint after the access checks, and `GET /healthz` for probes.
///
/// A switch on three paths does what a router would, without its per-request work.
struct MCPResponder: HTTPResponder {
    let endpoint: any MCPEndpoint
    /// Where requests of the modern era go, whatever the endpoint.
    let modern: ModernExchange
    let options: HTTPServingOptions

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        switch request.uri.path {
        case "/mcp", "/mcp/jsonrpc":
            guard [.post, .get, .delete].contains(request.method) else {
                return HTTPRefusal(
                    status: 405, message: "Method Not Allowed: use POST (or GET and DELETE with --stateful)",
                    headers: ["Allow": endpoint.allowedMethods]
                ).response
            }
            if let refusal = options.access.check(
                host: request.head.authority, origin: request.headers.value(.origin),
                authorization: request.headers.value(.authorization))
            {
                context.logger.notice(
                    "Refused an MCP request",
                    metadata: ["status": "\(refusal.status)", "host": "\(request.head.authority?.clipped(to: 100) ?? "-")"])
                return refusal.response
            }
            switch await readBody(of: request) {
            case .success(let body) where !ModernRevision.isHandshakeEra(headerVersion: request.headers.value(RequestChecks.protocolVersionField)):
                return await modern.respond(to: request, body: body)
            case .success(let body): return await endpoint.respond(to: request, body: body)
            case .failure(let refusal): return refusal.response
            }
        case "/healthz" where request.method == .get || request.method == .head:
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        default:
            return HTTPRefusal(status: 404, message: "Not Found: MCP is served at /mcp").response
        }
    }

    /// The whole body, refused at once when its declared length is over the limit (413),
    /// when more than the limit arrives (413), or when it does not arrive in time (408,
    /// from ``HTTP1RequestGuard``).
    private func readBody(of request: Request) async -> Result<ByteBuffer, HTTPRefusal> {
        let limit = options.maxBodyBytes
        var tooLarge: HTTPRefusal {
            HTTPRefusal(status: 413, message: "Content Too Large: a request body may hold at most \(limit) bytes")
        }
        if let declared = request.headers.value(.contentLength), let length = Int(declared), length > limit {
            return .failure(tooLarge)
        }
        var request = request
        do {
            return .success(try await request.collectBody(upTo: limit))
        } catch is HTTP1RequestGuard.BodyExpired {
            return .failure(
                HTTPRefusal(status: 408, message: "Request Timeout: the body did not arrive within \(options.bodyTimeout)"))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return .failure(tooLarge)
        } catch {
            return .failure(HTTPRefusal(status: 400, message: "Bad Request: the body could not be read"))
        }
    }
}
