import HTTPTypes
import Hummingbird

/// Gives the answers that Hummingbird makes itself (no such path, a method the path
/// does not take, a body over the size a route reads) the body Spotify sends, such as
/// `{"error":{"status":404,"message":"Service not found"}}`, instead of an empty one,
/// so a client reads every sandbox error the way it reads Spotify's.
struct SpotifyErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let plain = try error.response(from: request, context: context)
            var answer = Response(SandboxResponse.error(Int(error.status.code), Self.message(for: error.status)))
            for field in plain.headers where field.name != .contentType && field.name != .contentLength {
                answer.headers.append(field)
            }
            return answer
        }
    }

    /// Spotify's words for the statuses the router answers itself.
    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Service not found"
        case .methodNotAllowed: "Method not allowed"
        case .contentTooLarge: "Request entity too large"
        default: status.reasonPhrase
        }
    }
}
