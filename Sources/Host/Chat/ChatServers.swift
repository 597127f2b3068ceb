import Foundation

/// The configured servers, connected for a chat side by side: a stdio server is
/// started again once if it stops; one that cannot be reached is reported and left
/// out, and the chat goes on with the others.
public enum ChatServers {
    public static func connect(
        _ configuration: HostConfiguration, timeout: Duration = .seconds(60), trace: Trace? = nil,
        onRestart: @escaping @Sendable (String) -> Void
    ) async -> (connections: [any MCPConnection], problems: [String]) {
        for folder in configuration.folders {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let outcomes = await withTaskGroup(of: (Int, Result<any MCPConnection, any Error>).self) { group in
            for (index, server) in configuration.servers.enumerated() {
                group.addTask {
                    do {
                        switch server {
                        case .stdio(let command):
                            return (index, .success(try await RestartingConnection.start(command, timeout: timeout, trace: trace, onRestart: onRestart)))
                        case .http:
                            return (index, .success(try await ServerCheck.connect(server, timeout: timeout, trace: trace)))
                        }
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var outcomes: [(Int, Result<any MCPConnection, any Error>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }
        }
        var connections: [any MCPConnection] = []
        var problems = configuration.problems
        for (index, outcome) in outcomes {
            switch outcome {
            case .success(let connection): connections.append(connection)
            case .failure(let error): problems.append("\(configuration.servers[index].name): \(error)")
            }
        }
        return (connections, problems)
    }
}
