import Foundation

/// One replacement in `edit_file`.
struct LineEdit: Sendable, Equatable, Codable {
    let oldText: String
    let newText: String
}

/// Applies edits in order the way the reference filesystem server does: an exact
/// match first, else a run of lines equal once leading and trailing whitespace is
/// ignored, re-indented to where it was found.
enum LineEdits {
    static func apply(_ edits: [LineEdit], to original: String) throws(FilesError) -> String {
        var content = normalizeLineEndings(original)
        for edit in edits {
            let oldText = normalizeLineEndings(edit.oldText)
            let newText = normalizeLineEndings(edit.newText)
            if !oldText.isEmpty, let range = content.range(of: oldText) {
                content.replaceSubrange(range, with: newText)
                continue
            }
            guard let replaced = replaceIgnoringWhitespace(oldText, with: newText, in: content) else {
                throw .editNotFound(edit.oldText)
            }
            content = replaced
        }
        return content
    }

    static func normalizeLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func replaceIgnoringWhitespace(_ oldText: String, with newText: String, in content: String) -> String? {
        let oldLines = oldText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !oldText.trimmingWhitespace.isEmpty, oldLines.count <= lines.count else { return nil }
        for start in 0...(lines.count - oldLines.count) {
            let window = lines[start..<(start + oldLines.count)]
            guard zip(window, oldLines).allSatisfy({ $0.trimmingWhitespace == $1.trimmingWhitespace }) else { continue }
            let indent = lines[start].leadingWhitespace
            let newLines = newText.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                index, line -> String in
                let line = String(line)
                if index == 0 { return indent + line.droppingLeadingWhitespace }
                let oldIndent = index < oldLines.count ? oldLines[index].leadingWhitespace : ""
                let newIndent = line.leadingWhitespace
                guard !oldIndent.isEmpty, !newIndent.isEmpty else { return line }
                let relative = max(0, newIndent.count - oldIndent.count)
                return indent + String(repeating: " ", count: relative) + line.droppingLeadingWhitespace
            }
            lines.replaceSubrange(start..<(start + oldLines.count), with: newLines)
            return lines.joined(separator: "\n")
        }
        return nil
    }
}

extension String {
    var leadingWhitespace: String { String(prefix { $0 == " " || $0 == "\t" }) }
    var droppingLeadingWhitespace: String { String(drop { $0 == " " || $0 == "\t" }) }
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
