/// A unified diff of two texts, line by line, in the shape the reference
/// filesystem server returns from `edit_file` (jsdiff's `createTwoFilesPatch`).
enum UnifiedDiff {
    static let contextLines = 4

    /// One line with whether a newline ended it; the last line of a file may lack one.
    struct Line: Equatable {
        let text: Substring
        let hasNewline: Bool
    }

    enum Change: Equatable {
        case same(Line), removed(Line), added(Line)
    }

    static func patch(from old: String, to new: String, path: String) -> String {
        var output = "Index: \(path)\n" + String(repeating: "=", count: 67) + "\n"
        output += "--- \(path)\toriginal\n+++ \(path)\tmodified\n"
        for hunk in hunks(changes(from: lines(old), to: lines(new))) {
            output += hunk
        }
        return output
    }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var start = text.startIndex
        while start < text.endIndex {
            if let newline = text[start...].firstIndex(of: "\n") {
                result.append(Line(text: text[start..<newline], hasNewline: true))
                start = text.index(after: newline)
            } else {
                result.append(Line(text: text[start...], hasNewline: false))
                break
            }
        }
        return result
    }

    // MARK: - Shortest edit script (Myers)

    static func changes(from old: [Line], to new: [Line]) -> [Change] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        return old[..<prefix].map(Change.same) + middle(a, b) + old[(old.count - suffix)...].map(Change.same)
    }

    private static func middle(_ a: [Line], _ b: [Line]) -> [Change] {
        let n = a.count
        let m = b.count
        if n == 0 { return b.map(Change.added) }
        if m == 0 { return a.map(Change.removed) }
        let offset = n + m
        var v = [Int](repeating: 0, count: 2 * offset + 2)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk the trace back from the end to recover the script.
        var script: [Change] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK =
                (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                script.append(.same(a[x]))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    script.append(.added(b[y]))
                } else {
                    x -= 1
                    script.append(.removed(a[x]))
                }
            }
        }
        return script.reversed()
    }

    // MARK: - Hunks

    static func hunks(_ changes: [Change]) -> [String] {
        let changed = changes.indices.filter { if case .same = changes[$0] { false } else { true } }
        guard let first = changed.first else { return [] }
        // Group changes whose context would touch or overlap.
        var groups: [ClosedRange<Int>] = []
        var start = first
        var end = first
        for index in changed.dropFirst() {
            if index - end > 2 * contextLines {
                groups.append(start...end)
                start = index
            }
            end = index
        }
        groups.append(start...end)

        var oldLineBefore = [Int](repeating: 0, count: changes.count + 1)
        var newLineBefore = [Int](repeating: 0, count: changes.count + 1)
        for (index, change) in changes.enumerated() {
            let (o, n): (Int, Int) =
                switch change {
                case .same: (1, 1)
                case .removed: (1, 0)
                case .added: (0, 1)
                }
            oldLineBefore[index + 1] = oldLineBefore[index] + o
            newLineBefore[index + 1] = newLineBefore[index] + n
        }

        return groups.map { group in
            let lower = max(0, group.lowerBound - contextLines)
            let upper = min(changes.count - 1, group.upperBound + contextLines)
            let oldCount = oldLineBefore[upper + 1] - oldLineBefore[lower]
            let newCount = newLineBefore[upper + 1] - newLineBefore[lower]
            let oldStart = oldCount == 0 ? oldLineBefore[lower] : oldLineBefore[lower] + 1
            let newStart = newCount == 0 ? newLineBefore[lower] : newLineBefore[lower] + 1
            var text = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for change in changes[lower...upper] {
                let (marker, line): (String, Line) =
                    switch change {
                    case .same(let line): (" ", line)
                    case .removed(let line): ("-", line)
                    case .added(let line): ("+", line)
                    }
                text += marker + line.text + "\n"
                if !line.hasNewline { text += "\\ No newline at end of file\n" }
            }
            return text
        }
    }
}
