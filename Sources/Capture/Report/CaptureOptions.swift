/// What to read and show of a capture.
public struct CaptureOptions {
    /// Only connections with this port at either end.
    public var port: UInt16?
    /// Only connections with this address at either end.
    public var host: HostFilter?
    /// Only JSON-RPC messages of this method (and the responses that answer them).
    public var method: String?
    /// Print bearer tokens and token fields as captured.
    public var showSecrets: Bool
    /// Opens TLS records when it knows the session's secrets; nil reports them as encrypted.
    public var decryptors: (any RecordDecryptorProvider)?

    public init(
        port: UInt16? = nil, host: HostFilter? = nil, method: String? = nil, showSecrets: Bool = false,
        decryptors: (any RecordDecryptorProvider)? = nil
    ) {
        self.port = port
        self.host = host
        self.method = method
        self.showSecrets = showSecrets
        self.decryptors = decryptors
    }
}

/// An IPv4 or IPv6 address given on the command line.
public struct HostFilter: Sendable, Equatable {
    let address: IPAddress

    /// Nil unless `text` is a dotted quad or an IPv6 address (brackets allowed).
    public init?(_ text: String) {
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        guard let address = IPAddress(bare) else { return nil }
        self.address = address
    }
}
