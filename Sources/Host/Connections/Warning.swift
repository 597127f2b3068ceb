import Foundation

/// Something the user should know that stops nothing, such as a cache that could not
/// be saved or a tool left out: written to stderr, so that it never mixes with what a
/// command prints.
enum Warning {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data("setlist: \(message)\n".utf8))
    }
}
