extension String {
    /// The string, or its first `limit` Unicode scalars and a note of how much was left
    /// out. Scalars, not characters: one character can hold any number of combining marks.
    func clipped(to limit: Int) -> String {
        guard utf8.count > limit else { return self }
        let kept = String(String.UnicodeScalarView(unicodeScalars.prefix(limit)))
        return "\(kept)… (\(utf8.count - kept.utf8.count) more bytes)"
    }
}
