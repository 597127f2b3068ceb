import Foundation
import NIOSSL

/// The TLS configuration of Setlist's outgoing HTTPS (Spotify, ReccoBeats, language
/// models, MCP servers over HTTP), with the environment's two common TLS settings:
/// - `SSLKEYLOGFILE`: a key log of each session's secrets is written there (see ``KeyLogFile``);
/// - `SSL_CERT_FILE`: its certificates are trusted besides the system's, for a server
///   behind a private certificate authority.
///
/// Read once a process: the key log is opened at the first HTTPS client made.
public enum OutgoingTLS {
    /// The variable that names the key log, as curl, browsers and Python read it.
    public static let keyLogVariable = "SSLKEYLOGFILE"
    /// The variable that names a file of certificates to trust.
    public static let certificatesVariable = "SSL_CERT_FILE"

    /// The configuration for the process's environment. A key log that cannot be
    /// written is said on stderr once, and the connections go on without it.
    public static var configuration: TLSConfiguration { processConfiguration }

    private static let processConfiguration: TLSConfiguration = {
        do {
            return try configuration(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("setlist: \(error) (\(keyLogVariable))\n".utf8))
            var fallback = ProcessInfo.processInfo.environment
            fallback[keyLogVariable] = nil
            return (try? configuration(environment: fallback)) ?? .makeClientConfiguration()
        }
    }()

    /// The configuration that `environment` asks for.
    package static func configuration(environment: [String: String]) throws(KeyLogFileError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let path = environment[keyLogVariable], !path.isEmpty {
            configuration.keyLogCallback = try KeyLogFile(path: path).callback
        }
        if let certificates = environment[certificatesVariable], !certificates.isEmpty,
            FileManager.default.isReadableFile(atPath: certificates)
        {
            configuration.additionalTrustRoots = [.file(certificates)]
        }
        return configuration
    }
}
