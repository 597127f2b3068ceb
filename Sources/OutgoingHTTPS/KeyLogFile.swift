import Foundation
import NIOCore
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TLS key log in the NSS format (what `SSLKEYLOGFILE` names for curl, browsers and
/// Python): the secrets of each session Setlist opens, so that a capture of it can be
/// read inside (`setlist capture analyze --keylog FILE`, or Wireshark).
///
/// The file holds secrets: it is made with mode 0600, and only appended to. Each line is
/// one `write` to a descriptor opened with `O_APPEND`, so Setlist's processes (a host and
/// the servers it starts, which inherit `SSLKEYLOGFILE`) can share one file without
/// mixing their lines.
package final class KeyLogFile: Sendable {
    package let path: String
    private let descriptor: Int32

    /// Opens (or creates) the file at `path` for appending.
    package init(path: String) throws(KeyLogFileError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw KeyLogFileError(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The callback SwiftNIO SSL calls with each secret, one whole line at a time.
    package var callback: NIOSSLKeyLogCallback {
        { [self] line in append(line.readableBytesView) }
    }

    /// Appends one line (it ends with its newline already).
    package func append<Bytes: Collection<UInt8>>(_ line: Bytes) {
        let bytes = Array(line)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

/// Why a key log could not be opened, and what to do.
package struct KeyLogFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    package var description: String {
        "Cannot write the TLS key log \(path): \(reason). Name a file in a folder that exists and that you may write to."
    }
}
