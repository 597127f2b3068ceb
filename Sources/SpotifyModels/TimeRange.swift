/// How far back the listener's top tracks and artists look, as Spotify's `time_range`
/// names it: about four weeks, six months, or all time.
public enum TimeRange: String, Hashable, Sendable, Codable, CaseIterable {
    case shortTerm = "short_term"
    case mediumTerm = "medium_term"
    case longTerm = "long_term"
}
