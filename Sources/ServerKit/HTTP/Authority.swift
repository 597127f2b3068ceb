/// A host and an optional port: what a `Host` header, an `Origin` after its scheme,
/// and `--http HOST:PORT` name. The one parser of `host:port` in Setlist.
public struct Authority: Sendable, Equatable {
    /// The host, lowercased, IPv6 addresses without brackets.
    public var host: String
    /// The port text as given (digits only), if any.
    public var port: String?

    public init(host: String, port: String? = nil) {
        self.host = host
        self.port = port
    }

    /// Reads `name`, `name:port`, `[IPv6]` or `[IPv6]:port`; a bare IPv6 address such as
    /// `::1` is read as a host. Nil when the text holds anything else: a user, a path, a
    /// backslash, or a character no host name has.
    public init?(parsing text: some StringProtocol) {
        let text = Substring(text)
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            if !rest.isEmpty { portText = rest.dropFirst() }
            guard !host.isEmpty, host.allSatisfy(Self.isIPv6Character) else { return nil }
        } else if text.filter({ $0 == ":" }).count > 1 {
            host = text
            guard host.allSatisfy(Self.isIPv6Character) else { return nil }
        } else {
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            } else {
                host = text
            }
            guard host.allSatisfy(Self.isNameCharacter) else { return nil }
        }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        self.host = host.lowercased()
        self.port = portText.map(String.init)
    }

    /// The port as a number, when it is one from 0 to 65535.
    public var portNumber: Int? {
        port.flatMap { Int($0) }.flatMap { (0...65535).contains($0) ? $0 : nil }
    }

    /// `host` or `host:port`, IPv6 in brackets when a port follows.
    public var text: String {
        guard let port else { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Letters, digits and `-._~`: the characters of DNS names and IPv4 addresses.
    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-._~".contains(character))
    }

    private static func isIPv6Character(_ character: Character) -> Bool {
        character.isASCII && (character.isHexDigit || character == ":" || character == ".")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
