/// The names the model knows tools by: `server__tool`, within what every provider
/// accepts (`^[a-zA-Z0-9_-]{1,64}$`), and unique. A name that had to change (other
/// characters, too long) keeps the tool's own name whole where it can, and ends in a
/// digest of the real names, so two such names never meet. The way back, from a name to
/// its server and tool, is the toolbox's.
struct ToolNames: Sendable {
    static let maximumLength = 64
    /// Names given so far, by server and tool.
    private var given: [String: String] = [:]
    private var taken: Set<String> = []

    /// The model's name for a server's tool; the same name when asked again.
    mutating func name(server: String, tool: String) -> String {
        let target = "\(server)\u{0}\(tool)"
        if let name = given[target] { return name }
        var name = "\(Self.sanitized(server))__\(Self.sanitized(tool))"
        if name != "\(server)__\(tool)" || name.utf8.count > Self.maximumLength || taken.contains(name) {
            var salt = 0
            repeat {
                name = Self.shortened(server: server, tool: tool, digest: shortDigest("\(target)\u{0}\(salt)", digits: 10))
                salt += 1
            } while taken.contains(name)
        }
        given[target] = name
        taken.insert(name)
        return name
    }

    // MARK: - Pieces

    /// `server__tool_digest` within the limit: the tool's name kept whole when it can be
    /// (it is what the model reads), the server's cut to what room is left.
    static func shortened(server: String, tool: String, digest: String) -> String {
        let room = maximumLength - digest.count - 1
        let toolPart = String(sanitized(tool).prefix(room * 3 / 4))
        let serverPart = String(sanitized(server).prefix(room - toolPart.count - 2))
        return "\(serverPart)__\(toolPart)_\(digest)"
    }

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
}
