/// What the listener will be doing while the music plays. Each one suggests a range of energy
/// and a kind of playlist people already name after it ("workout", "study", "sleep").
public enum Activity: String, Sendable, Equatable, Codable, CaseIterable {
    case workout
    case running
    case cycling
    case walking
    case yoga
    case meditation
    /// Studying, deep work, concentration.
    case focus
    case work
    case reading
    case sleep
    case relax
    case party
    case dance
    case driving
    case commute
    case travel
    case cooking
    case dinner
    /// A date, a romantic evening.
    case romance
    case gaming
    case cleaning
    /// Waking up and starting the day.
    case wakeUp
}
