// MARK: - NSS key log

/// The secrets of an NSS key log (SSLKEYLOGFILE), indexed by client random.
///
/// Each useful line is `LABEL <client random hex> <secret hex>`; `#` comments and blank
/// lines are skipped. Lines that cannot be used are collected in `problems` with their
/// line numbers rather than failing the whole log, since key log files are appended to
/// by several processes and may hold junk.
struct KeyLog: Sendable, Hashable {
    /// pcapng Decryption Secrets Block type for TLS key logs ("TLSK").
    static let tlsKeyLogSecretsType: UInt32 = 0x544c_534b

    /// Secrets by the 32-byte client random of their session.
    private(set) var sessions: [[UInt8]: SessionSecrets] = [:]
    /// Lines that were skipped, in order.
    private(set) var problems: [Problem] = []

    init() {}

    /// Parses key log text, a line at a time as bytes: a large capture's log holds
    /// thousands of lines, read before anything else can start.
    init(text: String) {
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 0
            var start = 0
            // Lines end at "\n" bytes (in Swift "\r\n" is one Character, which would not
            // match "\n"); the text after the last one is a line too, if only an empty one.
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                lineNumber += 1
                parse(line: UnsafeBufferPointer(rebasing: bytes[start..<end]), number: lineNumber)
                start = end + 1
            }
        }
    }

    /// Parses the payload of a pcapng Decryption Secrets Block. Returns nil for a block
    /// of another secrets type (e.g. WireGuard), which the caller just skips.
    init?(decryptionSecretsType type: UInt32, data: [UInt8]) {
        guard type == Self.tlsKeyLogSecretsType else { return nil }
        // The block's secrets length is exact, but some writers keep NUL padding.
        var end = data.count
        while end > 0, data[end - 1] == 0 { end -= 1 }
        // Decoding repairs bad UTF-8; a round trip that changes the bytes means it was bad.
        // (`String(validating:as:)` would need macOS 15.)
        let bytes = data[..<end]
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else {
            self.init()
            problems.append(Problem(line: 1, reason: .notUTF8))
            return
        }
        self.init(text: text)
    }

    // MARK: Lookup

    /// The secrets logged for the session with this client random, or nil.
    func secrets(forClientRandom clientRandom: [UInt8]) -> SessionSecrets? {
        sessions[clientRandom]
    }

    /// Adds another log's secrets (e.g. a second secrets block of the same capture);
    /// its secrets win over equal keys already here.
    mutating func merge(_ other: KeyLog) {
        for (random, secrets) in other.sessions {
            var merged = sessions[random] ?? SessionSecrets()
            for (kind, value) in secrets.byKind { merged[kind] = value }
            sessions[random] = merged
        }
        problems += other.problems
    }

    // MARK: Parsing

    private mutating func parse(line raw: UnsafeBufferPointer<UInt8>, number: Int) {
        let fields: [Substring]
        if raw.allSatisfy({ $0 < 0x80 }) {
            // ASCII, as key logs are: fields split as bytes, without grapheme breaking.
            let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            let isSpace = { (byte: UInt8) in isSeparator(byte) || byte == UInt8(ascii: "\r") }
            guard let first = raw.firstIndex(where: { !isSpace($0) }), let last = raw.lastIndex(where: { !isSpace($0) }),
                raw[first] != UInt8(ascii: "#")
            else { return }
            let line = raw[first...last]
            var found: [Range<Int>] = []
            var position = line.startIndex
            while position < line.endIndex, found.count < 4 {
                let end = line[position...].firstIndex(where: isSeparator) ?? line.endIndex
                found.append(position..<end)
                position = line[end...].firstIndex(where: { !isSeparator($0) }) ?? line.endIndex
            }
            if found.count == 3 {
                parse(label: raw[found[0]], random: raw[found[1]], secret: raw[found[2]], number: number)
                return
            }
            // Only the count is reported for a line with other than three fields.
            fields = raw[first...last].split(whereSeparator: isSeparator).map { Substring(decoding: $0, as: UTF8.self) }
        } else {
            let line = Substring(decoding: raw, as: UTF8.self).trimmingASCIIWhitespace()
            if line.isEmpty || line.hasPrefix("#") { return }
            fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
        guard fields.count == 3 else {
            problems.append(Problem(line: number, reason: .wrongFieldCount(fields.count)))
            return
        }
        parse(label: fields[0].utf8, random: fields[1].utf8, secret: fields[2].utf8, number: number)
    }

    /// Takes one `LABEL <client random hex> <secret hex>` line's fields.
    private mutating func parse(label: some Collection<UInt8>, random: some Collection<UInt8>, secret: some Collection<UInt8>, number: Int) {
        let labelText = String(decoding: label, as: UTF8.self)
        guard let kind = SecretKind(rawValue: labelText) else {
            problems.append(Problem(line: number, reason: .unknownLabel(labelText)))
            return
        }
        guard let random = Hex.decode(bytes: random), random.count == 32 else {
            problems.append(Problem(line: number, reason: .badClientRandom))
            return
        }
        guard let secret = Hex.decode(bytes: secret), kind.allowedLengths.contains(secret.count) else {
            problems.append(Problem(line: number, reason: .badSecret(kind)))
            return
        }
        if kind.isLoggedPerKeyUpdate { return }
        if let existing = sessions[random]?[kind], existing != secret {
            problems.append(Problem(line: number, reason: .conflictingDuplicate(kind)))
        }
        // Changed where it is kept: a copy taken out and put back would copy its secrets each time.
        sessions[random, default: SessionSecrets()][kind] = secret
    }
}

// MARK: - Whitespace

extension Substring {
    /// Trims spaces, tabs and CR (CRLF files), without Foundation.
    fileprivate func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) })
        else { return self[endIndex...] }
        return self[start...last]
    }
}
