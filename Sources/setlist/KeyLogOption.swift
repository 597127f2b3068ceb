import ArgumentParser
import Foundation
import OutgoingHTTPS

/// `--keylog FILE`: the TLS secrets of every HTTPS session of this command, and of the
/// servers it starts, appended to FILE in the NSS key log format, as `SSLKEYLOGFILE`
/// asks. With it, a capture of the session (tcpdump, Wireshark) can be read inside:
/// `setlist capture analyze --keylog FILE CAPTURE`.
struct KeyLogOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Append the TLS secrets of this command's HTTPS sessions, and its servers', to this file (the SSLKEYLOGFILE format), "
                + "to read a capture of them with `setlist capture analyze --keylog`. Anyone with the file can read those sessions.",
            valueName: "file"))
    var keylog: String?

    /// The file must be writable before anything is sent: a mistyped folder is found now,
    /// not after a session that can no longer be read.
    func validate() throws {
        guard let keylog else { return }
        do {
            _ = try KeyLogFile(path: keylog)
        } catch {
            throw ValidationError("--keylog: \(error)")
        }
    }

    /// Names the file in `SSLKEYLOGFILE` for this process and the servers it starts; to be
    /// called before the command's first HTTPS client is made.
    func apply() {
        guard let keylog else { return }
        setenv(OutgoingTLS.keyLogVariable, URL(fileURLWithPath: keylog).standardizedFileURL.path, 1)
        FileHandle.standardError.write(Data("TLS secrets are appended to \(keylog): keep it private, and delete it once read.\n".utf8))
    }
}
