/// The names the model knows tools by: `server__tool`, within what every provider
/// accepts (`^[a-zA-Z0-9_-]{1,64}$`), unique, and mapped back to the server and tool
/// they stand for. A name that had to change (other characters, too long) keeps a
/// readable start and ends in a hash of the real names, so two such names never meet.
struct ToolNames: Sendable {
    struct Target: Sendable, Equatable, Hashable {
        let server: String
        let tool: String
    }

    static let maximumLength = 64
    private(set) var targets: [String: Target] = [:]

    /// The model's name for a server's tool, made once.
    mutating func name(server: String, tool: String) -> String {
        let target = Target(server: server, tool: tool)
        let plain = "\(Self.sanitized(server))__\(Self.sanitized(tool))"
        var name = plain
        if plain != "\(server)__\(tool)" || plain.utf8.count > Self.maximumLength || targets[plain] != nil {
            var salt = 0
            repeat {
                name = Self.shortened(server: server, tool: tool, hash: Self.hash("\(server)\u{0}\(tool)\u{0}\(salt)"))
                salt += 1
            } while targets[name] != nil && targets[name] != target
        }
        targets[name] = target
        return name
    }

    /// `server__tool_hash` within the limit: the tool's name kept whole when it can be
    /// (it is what the model reads), the server's cut to what room is left.
    static func shortened(server: String, tool: String, hash: String) -> String {
        let room = maximumLength - hash.count - 1
        let toolPart = String(sanitized(tool).prefix(room * 3 / 4))
        let serverPart = String(sanitized(server).prefix(room - toolPart.count - 2))
        return "\(serverPart)__\(toolPart)_\(hash)"
    }

    /// The server and tool a model's name stands for.
    func target(of name: String) -> Target? { targets[name] }

    // MARK: - Pieces

    /// Every character outside `[a-zA-Z0-9_-]` as `_`.
    static func sanitized(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar {
                    case "a"..."z", "A"..."Z", "0"..."9", "_", "-": scalar
                    default: "_"
                    }
                }))
    }

    /// Ten hex digits of the text's FNV-1a hash: the same on every run and machine.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
