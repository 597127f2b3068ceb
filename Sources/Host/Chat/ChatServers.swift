/// The configured servers, connected for a chat side by side: a stdio server is
/// started again once if it stops; one that cannot be reached is reported and left
/// out, and the chat goes on with the others.
public enum ChatServers {
    public static func connect(
        _ configuration: HostConfiguration, timeout: Duration = .seconds(60), trace: Trace? = nil,
        onRestart: @escaping @Sendable (String) -> Void
    ) async -> (connections: [any MCPConnection], problems: [String]) {
        let outcomes = await configuration.servers.concurrentMap { server -> Result<any MCPConnection, any Error> in
            do {
                switch server {
                case .stdio(let command):
                    return .success(try await RestartingConnection.start(command, timeout: timeout, trace: trace, onRestart: onRestart))
                case .http:
                    return .success(try await ServerCheck.connect(server, timeout: timeout, trace: trace))
                }
            } catch {
                return .failure(error)
            }
        }
        var connections: [any MCPConnection] = []
        var problems = configuration.problems
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let connection): connections.append(connection)
            case .failure(let error): problems.append("\(configuration.servers[index].name): \(error)")
            }
        }
        return (connections, problems)
    }
}
