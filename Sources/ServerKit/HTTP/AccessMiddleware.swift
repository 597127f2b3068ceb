import Hummingbird
import MCP

/// Applies an ``AccessPolicy`` to every request on the MCP paths, whatever its method.
struct AccessMiddleware<Context: Hummingbird.RequestContext>: RouterMiddleware {
    let policy: AccessPolicy

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let denial = policy.check(
            host: request.head.authority,
            origin: request.headers[.origin],
            authorization: request.headers[.authorization])
        {
            context.logger.notice(
                "Refused an MCP request", metadata: ["status": "\(denial.status)", "host": "\(request.head.authority ?? "-")"])
            return Response(
                MCP.HTTPResponse.error(
                    statusCode: denial.status, .invalidRequest(denial.message), extraHeaders: denial.headers))
        }
        return try await next(request, context)
    }
}
