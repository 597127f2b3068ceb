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
    /// backslash, or a character no host name has. Read as bytes: every request's `Host`
    /// passes here.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        var hostBytes: ArraySlice<UInt8>
        var portBytes: ArraySlice<UInt8>?
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            hostBytes = bytes[1..<close]
            let rest = bytes[(close + 1)...]
            if let colon = rest.first {
                guard colon == UInt8(ascii: ":") else { return nil }
                portBytes = rest.dropFirst()
            }
            guard !hostBytes.isEmpty, hostBytes.allSatisfy(Self.isIPv6Byte) else { return nil }
        } else if bytes.lazy.filter({ $0 == UInt8(ascii: ":") }).count > 1 {
            hostBytes = bytes[...]
            guard hostBytes.allSatisfy(Self.isIPv6Byte) else { return nil }
        } else {
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
                hostBytes = bytes[..<colon]
                portBytes = bytes[(colon + 1)...]
            } else {
                hostBytes = bytes[...]
            }
            guard hostBytes.allSatisfy(Self.isNameByte) else { return nil }
        }
        if let portBytes {
            guard !portBytes.isEmpty, portBytes.count <= 5, portBytes.allSatisfy(Self.isDigit) else { return nil }
            port = String(decoding: portBytes, as: UTF8.self)
        } else {
            port = nil
        }
        host = String(decoding: hostBytes.map(Self.lowercased), as: UTF8.self)
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

    // MARK: - Bytes

    /// Letters, digits and `-._~`: the characters of DNS names and IPv4 addresses.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    private static func isIPv6Byte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
