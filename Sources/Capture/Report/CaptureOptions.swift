/// What to read and show of a capture.
package struct CaptureOptions {
    /// Only connections with this port at either end.
    package var port: UInt16?
    /// Only connections with this address at either end.
    package var host: HostFilter?
    /// Only JSON-RPC messages of this method (and the responses that answer them).
    package var method: String?
    /// Print bearer tokens and token fields as captured.
    package var showSecrets: Bool
    /// Opens TLS records when it knows the session's secrets; nil reports them as encrypted.
    package var decryptors: (any RecordDecryptorProvider)?

    package init(
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
package struct HostFilter: Sendable, Equatable {
    let address: IPAddress

    /// Nil unless `text` is a dotted quad or an IPv6 address (brackets allowed).
    package init?(_ text: String) {
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        guard let address = IPAddress(bare) else { return nil }
        self.address = address
    }
}
