import Foundation
import MCP

/// Direct answers for a connection that keeps one SDK `Server` for its whole life
/// (stdio), `initialize` included.
///
/// The SDK's `Server` reads `initialize` through its `Value` decoder, whose regular
/// expression for each string brings a megabyte of Swift's regex engine into a
/// process that never uses it otherwise. Answering `initialize` here, and recording
/// the client's capabilities where the service's hooks read them, keeps it out.
struct ConnectionAnswers: DirectAnswering {
    let service: MCPService
    let declaration: ClientDeclaration

    static let directMethods = MCPService.directMethods.union([Initialize.name])

    var directMethods: Set<String> { Self.directMethods }

    func answerDirectly(_ request: Value) async -> Data? {
        guard case .object(let members) = request, members["method"] == .string(Initialize.name),
            let id = members["id"], id.isRequestID
        else { return await service.answerDirectly(request) }
        return service.initializeAnswer(id: id, params: members["params"], declaration: declaration)
    }
}

extension MCPService {
    /// The SDK `Server`'s answer to `initialize`: the client's protocol version when
    /// supported (else the latest), the service's capabilities, name and instructions.
    func initializeAnswer(id: Value, params: Value?, declaration: ClientDeclaration) -> Data {
        let parameters: Initialize.Parameters
        do {
            parameters = try ValueDecoder().decode(Initialize.Parameters.self, from: params ?? [:])
        } catch {
            return Self.error(
                id: id,
                .invalidParams(
                    "initialize: params must hold an InitializeRequest's protocolVersion (a string), "
                        + "capabilities and clientInfo (objects); \(error)"))
        }
        guard declaration.recordFirst(parameters.capabilities) else {
            return Self.error(id: id, .invalidRequest("Server is already initialized"))
        }
        let protocolVersion =
            Version.supported.contains(parameters.protocolVersion) ? parameters.protocolVersion : Version.latest
        let result = Initialize.Result(
            protocolVersion: protocolVersion, capabilities: Self.capabilities,
            serverInfo: Server.Info(name: name, version: self.version, title: title),
            instructions: instructions)
        guard let json = try? Self.encoder.encode(result) else {
            return Self.error(id: id, .internalError("initialize: the answer could not be encoded"))
        }
        return Self.response(id: id, resultJSON: json)
    }
}
