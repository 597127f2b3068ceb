import Foundation

/// How a modern request's headers carry a value (`Mcp-Name`, `Mcp-Param-*`): as it is
/// when it is plain visible ASCII (spaces inside allowed), else Base64 of its UTF-8
/// between `=?base64?` and `?=`, as is any value that already looks like that.
package enum HeaderValueEncoding {
    package static func encoded(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || (0x21...0x7E).contains($0.value) }
        let padded = value.first.map(\.isWhitespace) == true || value.last.map(\.isWhitespace) == true
        guard !plain || padded || isWrapped(value) else { return value }
        return prefix + Data(value.utf8).base64EncodedString() + suffix
    }

    /// The value a header carries; a wrapped value that is not Base64 of UTF-8 is taken as it is.
    package static func decoded(_ header: String) -> String {
        guard isWrapped(header), header.count >= prefix.count + suffix.count,
            let data = Data(base64Encoded: String(header.dropFirst(prefix.count).dropLast(suffix.count))),
            let text = String(data: data, encoding: .utf8)
        else { return header }
        return text
    }

    private static let prefix = "=?base64?"
    private static let suffix = "?="

    private static func isWrapped(_ value: String) -> Bool {
        value.hasPrefix(prefix) && value.hasSuffix(suffix)
    }
}
