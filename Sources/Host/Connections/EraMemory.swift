import Foundation
import Synchronization

/// The era each server was found to speak, so that it is not probed every time: kept
/// in memory for the life of the process (a restarted server is opened in its era at
/// once), and in a small JSON file in the user's cache folder for the next run.
///
/// The file is a cache: one that cannot be read is set aside with a warning and
/// learnt again, and one that cannot be written costs a probe next time, nothing more.
public final class EraMemory: Sendable {
    /// The file, or `nil` to remember in memory only.
    public let file: String?
    /// `nil` until the file has been read.
    private let eras = Mutex<[String: ProtocolEra]?>(nil)

    public init(file: String?) {
        self.file = file
    }

    /// The memory every connection shares by default, in `$XDG_CACHE_HOME/setlist/`
    /// else `~/.cache/setlist/`.
    public static let standard = EraMemory(file: standardFile(environment: ProcessInfo.processInfo.environment))

    static func standardFile(environment: [String: String]) -> String {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return base + "/setlist/server-eras.json"
    }

    // MARK: - Keys

    /// A stdio server's identity: its name, program and arguments.
    public static func key(_ command: ServerCommand) -> String {
        key("stdio", command.name, identity: ([command.executable] + command.arguments).joined(separator: "\u{0}"))
    }

    /// An HTTP server's identity: its name and URL.
    public static func key(name: String, url: URL) -> String {
        key("http", name, identity: url.absoluteString)
    }

    /// The name as it is, and the rest as a digest: arguments and URLs may hold tokens,
    /// which have no place in a cache file.
    private static func key(_ transport: String, _ name: String, identity: String) -> String {
        "\(transport) \(name) " + shortDigest(identity, digits: 16)
    }

    // MARK: - Remembering

    public func era(of key: String) -> ProtocolEra? {
        eras.withLock { eras in
            if eras == nil { eras = read() }
            return eras?[key]
        }
    }

    /// Remembers `era` for `key`, and writes the file when that changes it; entries
    /// other processes wrote since it was read are kept.
    public func remember(_ era: ProtocolEra, of key: String) {
        eras.withLock { eras in
            guard eras?[key] != era else { return }
            var merged = read()
            let changed = merged[key] != era
            merged[key] = era
            eras = merged
            if changed { write(merged) }
        }
    }

    // MARK: - File

    private struct Contents: Codable {
        var servers: [String: ProtocolEra]
    }

    private func read() -> [String: ProtocolEra] {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return [:] }
        do {
            return try JSONDecoder().decode(Contents.self, from: data).servers
        } catch {
            Warning.write("the protocol eras remembered in \(file) could not be read (\(error)); they will be learnt again.")
            return [:]
        }
    }

    private func write(_ eras: [String: ProtocolEra]) {
        guard let file else { return }
        let url = URL(fileURLWithPath: file)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(Contents(servers: eras)).write(to: url, options: .atomic)
        } catch {
            Warning.write(
                "the protocol eras of servers could not be saved in \(file) (\(error.localizedDescription)); they will be probed again.")
        }
    }
}
