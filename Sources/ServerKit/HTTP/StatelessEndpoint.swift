import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MCP

/// One JSON answer per POST and no sessions.
///
/// Tool calls, tool lists and pings are answered directly (see ``DirectAnswering``),
/// checked and answered on the server's own request and response types. Any other
/// request gets an SDK server and stateless transport of its own, so any client may
/// initialize at any time, and equal request ids from different clients never meet.
struct StatelessEndpoint: SDKTransportEndpoint {
    let service: MCPService
    let logger: Logger
    private let pipeline = StandardValidationPipeline(validators: [StatelessPostValidator()])
    private static let protocolVersionField = HTTPField.Name(HTTPHeaderName.protocolVersion)!

    init(service: MCPService, logger: Logger) {
        self.service = service
        self.logger = logger
    }

    func respond(to request: Request, body: ByteBuffer) async -> Response {
        if request.method == .post,
            let message = try? body.withUnsafeReadableBytes({ try JSONParser.parse($0) }),
            message.isRequest(for: service.directMethods)
        {
            let headers = request.headers
            if let refusal = StatelessPostChecks.refusal(
                accept: headers[.accept], contentType: headers[.contentType],
                protocolVersion: headers[Self.protocolVersionField], isInitialization: false)
            {
                return Response(refusal)
            }
            if let answer = await service.answerDirectly(message) {
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
            }
        }
        return Response(await handle(MCP.HTTPRequest(request, body: body)))
    }

    func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        let transport = StatelessHTTPServerTransport(validationPipeline: pipeline, logger: logger)
        do {
            let server = try await service.start(on: transport, bidirectional: false, logger: logger)
            let response = await transport.handleRequest(request)
            await server.stop()
            return response
        } catch {
            logger.error("Could not start an MCP server for a request", metadata: ["error": "\(error)"])
            return .error(statusCode: 500, .internalError("The server could not handle the request"))
        }
    }
}
