import Foundation

/// The MCP servers the host connects to, in the `mcpServers` format of Claude Desktop
/// and Claude Code: `command`/`args`/`env` for stdio, `type: "http"` with `url` and
/// `headers`. An entry that cannot be used is reported by name with what is wrong; the
/// others are kept.
public struct HostConfiguration: Sendable, Equatable {
    public enum Server: Sendable, Equatable {
        case stdio(ServerCommand)
        case http(name: String, url: URL, headers: [String: String])

        public var name: String {
            switch self {
            case .stdio(let command): command.name
            case .http(let name, _, _): name
            }
        }
    }

    public var servers: [Server]
    /// What was wrong with entries left out, one line each, naming the entry.
    public var problems: [String]
    /// Where the configuration came from, for messages.
    public var source: String
    /// Folders the servers need, made before they start (Setlist's own Files server's).
    public var folders: [String] = []
    /// Per server, the tools an entry's `allowedTools` lets run without asking; a server
    /// with such a list has every other tool asked about.
    public var allowedTools: [String: Set<String>] = [:]

    /// Reads a configuration file's text; `${VAR}` comes from `environment`.
    public static func parse(_ data: Data, source: String, environment: [String: String]) -> HostConfiguration {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: data)
        } catch {
            return HostConfiguration(servers: [], problems: ["\(source) is not JSON: \(error.localizedDescription)"], source: source)
        }
        guard let root = document as? [String: Any], let entries = root["mcpServers"] as? [String: Any] else {
            return HostConfiguration(servers: [], problems: ["\(source) has no \"mcpServers\" object"], source: source)
        }
        var configuration = HostConfiguration(servers: [], problems: [], source: source)
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            do {
                let allowed = try allowedTools(value)
                configuration.servers.append(try server(name, value, environment))
                configuration.allowedTools[name] = allowed
            } catch {
                configuration.problems.append("\(source): server \"\(name)\": \(error)")
            }
        }
        return configuration
    }

    /// `--config FILE`, else `./.mcp.json`, else Setlist's own servers.
    ///
    /// - Throws: when `path` names a file that cannot be read.
    public static func load(path: String?, folder: String, environment: [String: String]) throws -> HostConfiguration {
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationFileError(path: path)
            }
            return parse(data, source: path, environment: environment)
        }
        let local = URL(fileURLWithPath: folder).appendingPathComponent(".mcp.json").path
        if let data = FileManager.default.contents(atPath: local) {
            return parse(data, source: local, environment: environment)
        }
        return standard(folder: folder)
    }

    /// Setlist's own servers: Spotify, files in ./playlists, and the clock.
    public static func standard(folder: String) -> HostConfiguration {
        let playlists = URL(fileURLWithPath: folder).appendingPathComponent("playlists").path
        return HostConfiguration(
            servers: [
                .stdio(.setlist("spotify", ["serve", "spotify"])), .stdio(.setlist("files", ["serve", "files", playlists])),
                .stdio(.setlist("clock", ["serve", "clock"])),
            ], problems: [], source: "Setlist's own servers", folders: [playlists])
    }

    /// Makes the folders the servers need.
    /// - Throws: when one cannot be made, with the folder in the message.
    public func makeFolders() throws {
        for folder in folders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ConfigurationFileError(path: folder, problem: "cannot make this folder: \(error.localizedDescription)")
            }
        }
    }

    // MARK: - Entries

    private struct EntryProblem: Error, CustomStringConvertible {
        let description: String
    }

    private static func allowedTools(_ value: Any) throws -> Set<String>? {
        guard let raw = (value as? [String: Any])?["allowedTools"] else { return nil }
        guard let names = raw as? [String] else { throw EntryProblem(description: "\"allowedTools\" must be a list of tool names") }
        return Set(names)
    }

    private static func server(_ name: String, _ value: Any, _ environment: [String: String]) throws -> Server {
        guard let entry = value as? [String: Any] else { throw EntryProblem(description: "an entry is an object") }
        func expand(_ text: String, _ field: String) throws -> String {
            do {
                return try VariableExpansion.expand(text, environment)
            } catch {
                throw EntryProblem(description: "\(field) uses ${\(error.variable)}, which is not set (write ${\(error.variable):-default} for a default)")
            }
        }
        func strings(_ key: String) throws -> [String: String] {
            guard let raw = entry[key] else { return [:] }
            guard let object = raw as? [String: Any] else { throw EntryProblem(description: "\"\(key)\" must be an object of strings") }
            var values: [String: String] = [:]
            for (field, value) in object {
                guard let text = value as? String else { throw EntryProblem(description: "\"\(key)\".\(field) must be a string") }
                values[field] = try expand(text, "\(key).\(field)")
            }
            return values
        }
        let type = entry["type"] as? String ?? (entry["url"] != nil ? "http" : "stdio")
        switch type {
        case "stdio":
            guard let command = entry["command"] as? String, !command.isEmpty else {
                throw EntryProblem(description: "a stdio server needs \"command\"")
            }
            guard let args = (entry["args"] ?? [String]()) as? [String] else { throw EntryProblem(description: "\"args\" must be a list of strings") }
            return .stdio(
                ServerCommand(
                    name: name, executable: try expand(command, "command"), arguments: try args.map { try expand($0, "args") },
                    environment: try strings("env")))
        case "http", "streamable-http":
            guard let text = entry["url"] as? String, let url = URL(string: try expand(text, "url")), url.scheme?.hasPrefix("http") == true
            else { throw EntryProblem(description: "an http server needs \"url\", such as https://host/mcp") }
            return .http(name: name, url: url, headers: try strings("headers"))
        default:
            throw EntryProblem(description: "unknown type \"\(type)\" (use stdio or http)")
        }
    }
}

/// A configuration file that was named and cannot be read.
public struct ConfigurationFileError: Error, CustomStringConvertible {
    public let path: String
    var problem = "cannot read the configuration file: check the path"
    public var description: String { "\(path): \(problem)." }
}
