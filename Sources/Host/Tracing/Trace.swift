import Foundation
import MCP
import ServerKit
import Synchronization

/// Every JSON-RPC message between the host and its servers, written as it passes, one
/// JSON line each: when, which server, which way, and the message with its secrets
/// masked. `setlist trace show` reads it back as a timeline.
public final class Trace: Sendable {
    public enum Direction: String, Sendable {
        /// From the host to the server.
        case sent
        /// From the server to the host.
        case received
    }

    private let file: Mutex<FileHandle>
    private let started = ContinuousClock.now

    /// Starts a trace file (replacing one of that name), readable by its owner alone.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw TraceError(path: path) }
        file = Mutex(handle)
    }

    /// Records one message; one that is not JSON is recorded as text.
    public func record(_ direction: Direction, server: String, message: Data) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let body = (try? JSONParser.parse(message)).map(Self.masked) ?? .string(String(decoding: message.prefix(4_096), as: UTF8.self))
        let line = Value.object([
            "time": .string(Date().formatted(.iso8601)), "elapsed": .double((seconds * 1_000_000).rounded() / 1_000_000),
            "server": .string(server), "direction": .string(direction.rawValue), "message": body,
        ])
        var data = JSONWriter.data(line)
        data.append(UInt8(ascii: "\n"))
        file.withLock { try? $0.write(contentsOf: data) }
    }

    // MARK: - Secrets

    /// The value with every secret member's value replaced by `"***"`.
    static func masked(_ value: Value) -> Value {
        switch value {
        case .object(let members):
            .object(
                Dictionary(
                    uniqueKeysWithValues: members.map { name, member in
                        (name, SecretNames.contains(name) ? .string("***") : masked(member))
                    }))
        case .array(let elements):
            .array(elements.map(masked))
        default:
            value
        }
    }
}

/// A trace file that cannot be written.
public struct TraceError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "Cannot write the trace file \(path): check that its folder exists and is writable." }
}
