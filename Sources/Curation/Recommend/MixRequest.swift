/// What a mix should be: the mood it was asked for, the sound it aims at, how many
/// tracks, and the caller's own choices.
public struct MixRequest: Sendable, Equatable {
    /// The analysed prompt: its words pick the searches and explain the picks.
    public var mood: Mood
    /// The sound aimed at: the mood's values, with any the caller fixed.
    public var target: FeatureTarget
    public var count: Int
    /// Tracks to start from (recommendations are seeded with them; they are not repeated).
    public var seedTrackIDs: [String]
    /// Order the mix as an arc of energy: a gentle start, a peak past the middle, a calm end.
    public var energyArc: Bool
    /// Search the catalog beyond the listener's own history.
    public var searchesCatalog: Bool

    public static let maximumCount = 100

    public init(
        mood: Mood, target: FeatureTarget? = nil, count: Int = 20, seedTrackIDs: [String] = [], energyArc: Bool = false,
        searchesCatalog: Bool = true
    ) {
        self.mood = mood
        self.target = target ?? FeatureTarget(mood)
        self.count = min(max(1, count), Self.maximumCount)
        self.seedTrackIDs = seedTrackIDs
        self.energyArc = energyArc
        self.searchesCatalog = searchesCatalog
    }
}
