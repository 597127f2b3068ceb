import Foundation

/// A glob pattern as the reference filesystem server reads them (minimatch with
/// dot files matched): `*` and `?` stay within one path segment, `**` spans
/// segments, `[a-z]` and `[!x]` are classes, `{a,b}` are alternatives.
struct Glob {
    let pattern: String
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws(FilesError) {
        self.pattern = pattern
        do {
            regex = try Regex(Self.translate(pattern))
        } catch {
            throw .badPattern(pattern)
        }
    }

    /// Whether the whole of `path` (relative, `/`-separated) matches.
    func matches(_ path: String) -> Bool {
        (try? regex.wholeMatch(in: path)) != nil
    }

    /// The pattern as a regular expression.
    static func translate(_ pattern: String) -> String {
        let characters = Array(pattern)
        var output = ""
        var index = 0
        var braceDepth = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                let atSegmentStart = index == 0 || characters[index - 1] == "/"
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    var end = index + 2
                    while end < characters.count, characters[end] == "*" { end += 1 }
                    let atSegmentEnd = end == characters.count || characters[end] == "/"
                    if atSegmentStart && atSegmentEnd {
                        if end < characters.count {
                            output += "(?:[^/]*(?:/[^/]*)*/)?"  // `**/`: any number of whole segments
                            index = end + 1
                        } else {
                            output += ".*"
                            index = end
                        }
                        continue
                    }
                    output += "[^/]*"
                    index = end
                    continue
                }
                output += "[^/]*"
            case "?":
                output += "[^/]"
            case "[":
                if let close = characters[(index + 1)...].firstIndex(of: "]"), close > index + 1 {
                    var body = String(characters[(index + 1)..<close])
                    if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                    output += "[" + body.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    index = close + 1
                    continue
                }
                output += "\\["
            case "{":
                braceDepth += 1
                output += "(?:"
            case "}" where braceDepth > 0:
                braceDepth -= 1
                output += ")"
            case "," where braceDepth > 0:
                output += "|"
            case "\\":
                if index + 1 < characters.count {
                    output += NSRegularExpression.escapedPattern(for: String(characters[index + 1]))
                    index += 2
                    continue
                }
                output += "\\\\"
            default:
                output += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        return output + String(repeating: ")", count: braceDepth)
    }
}
