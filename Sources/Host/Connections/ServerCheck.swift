import Foundation
import MCP

/// One configured server, reached and asked for its tools: what `setlist servers` shows.
public struct ServerCheck: Sendable {
    public let name: String
    /// `stdio` or `http`.
    public let transport: String
    public let protocolVersion: String?
    /// The era it was reached in.
    public let era: ProtocolEra?
    public let tools: [String]
    /// Why it could not be reached; `nil` when it answered.
    public let failure: String?

    /// Connects to each server side by side, lists its tools, and lets it go.
    public static func run(_ configuration: HostConfiguration, timeout: Duration = .seconds(30), memory: EraMemory = .standard) async
        -> [ServerCheck]
    {
        await configuration.servers.concurrentMap { server in await check(server, timeout: timeout, memory: memory) }
    }

    static func check(_ server: HostConfiguration.Server, timeout: Duration, memory: EraMemory) async -> ServerCheck {
        let transport = if case .stdio = server { "stdio" } else { "http" }
        do {
            let connection = try await connect(server, timeout: timeout, memory: memory)
            let tools: [String]
            do {
                tools = try await connection.listTools().map(\.name)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            return ServerCheck(
                name: server.name, transport: transport, protocolVersion: connection.protocolVersion, era: connection.era, tools: tools,
                failure: nil)
        } catch {
            return ServerCheck(name: server.name, transport: transport, protocolVersion: nil, era: nil, tools: [], failure: "\(error)")
        }
    }

    /// A connection to a configured server.
    public static func connect(
        _ server: HostConfiguration.Server, timeout: Duration = .seconds(60), trace: Trace? = nil, memory: EraMemory = .standard
    ) async throws -> any MCPConnection {
        switch server {
        case .stdio(let command): try await StdioServerConnection.start(command, timeout: timeout, trace: trace, memory: memory)
        case .http(let name, let url, let headers):
            try await HTTPServerConnection.start(name: name, url: url, headers: headers, timeout: timeout, trace: trace, memory: memory)
        }
    }
}
