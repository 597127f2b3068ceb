import ArgumentParser
import Foundation

/// The address of a running sandbox: an http URL, such as http://127.0.0.1:8899.
enum SandboxAddress {
    static func url(_ text: String) throws -> URL {
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("'\(text)' is not a sandbox address: give one such as http://127.0.0.1:8899")
        }
        return url
    }
}
