import Foundation

/// A glob pattern as the reference filesystem server reads them (minimatch with
/// dot files matched): `*` and `?` stay within one path segment, `**` spans
/// segments, `[a-z]` and `[!x]` are classes, `{a,b}` are alternatives.
///
/// Patterns and paths are compared scalar by scalar, as JavaScript compares
/// them: `café` and `cafe\u{301}` are different names on disk, so a pattern
/// for one does not match (or exclude) the other.
struct Glob {
    let pattern: String
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws(FilesError) {
        self.pattern = pattern
        do {
            regex = try Regex(Self.translate(pattern)).matchingSemantics(.unicodeScalar)
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
        let characters = Array(pattern.unicodeScalars)
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
                    var body = characters[(index + 1)..<close].map { $0 == "\\" ? "\\\\" : $0.isASCII ? String($0) : escaped($0) }
                    if body.first == "!" { body[0] = "^" }
                    output += "[" + body.joined() + "]"
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
                    output += literal(characters[index + 1])
                    index += 2
                    continue
                }
                output += "\\\\"
            default:
                output += literal(character)
            }
            index += 1
        }
        return output + String(repeating: ")", count: braceDepth)
    }

    /// A scalar matched as itself. Others than ASCII are written as `\u{...}`, so
    /// that a combining mark cannot join the syntax before it into one character.
    private static func literal(_ scalar: Unicode.Scalar) -> String {
        scalar.isASCII ? NSRegularExpression.escapedPattern(for: String(scalar)) : escaped(scalar)
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16) + "}"
    }
}
