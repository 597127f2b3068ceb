import Foundation

/// How to start an MCP server that speaks over stdio: the program, its arguments, and
/// what to add to its environment.
public struct ServerCommand: Sendable, Equatable {
    public var name: String
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]

    public init(name: String, executable: String, arguments: [String] = [], environment: [String: String] = [:]) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// This very `setlist`, serving one of its own servers.
    public static func setlist(_ name: String, _ arguments: [String], environment: [String: String] = [:]) -> ServerCommand {
        ServerCommand(name: name, executable: currentExecutable, arguments: arguments, environment: environment)
    }

    static var currentExecutable: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
