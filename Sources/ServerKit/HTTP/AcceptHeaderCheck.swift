import MCP

/// Accepts a POST that can read a JSON answer: one that asks for JSON, for anything,
/// or says nothing at all (as the seed's plain clients do).
///
/// The SDK's own check demands an explicit `application/json`, which would turn away
/// `curl -H 'Content-Type: application/json'` and the seed's requests.
struct LenientJSONAcceptValidator: HTTPRequestValidator {
    func validate(_ request: MCP.HTTPRequest, context: HTTPValidationContext) -> MCP.HTTPResponse? {
        guard context.httpMethod == "POST", let accept = request.header(HTTPHeaderName.accept) else { return nil }
        let types = accept.split(separator: ",").map {
            $0.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        if types.contains(where: { $0.isEmpty || $0 == "application/json" || $0 == "application/*" || $0 == "*/*" }) {
            return nil
        }
        return .error(
            statusCode: 406,
            .invalidRequest("Not Acceptable: this endpoint answers with application/json; accept it or omit Accept"))
    }
}
