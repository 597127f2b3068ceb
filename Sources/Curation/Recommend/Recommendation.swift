import SpotifyModels

/// A mix: the tracks in order, each with its sound and why it was picked, and notes
/// on anything that went missing on the way (a source that failed, estimates used).
public struct Recommendation: Sendable {
    public struct Pick: Sendable, Equatable {
        public var track: Track
        public var features: TrackFeatures
        /// How well its sound fits the target, 0...1.
        public var fit: Double
        public var score: Double
        public var origins: [CandidateOrigin]
        public var reasons: [String]
    }

    public var picks: [Pick]
    public var target: FeatureTarget
    public var candidatesConsidered: Int
    public var notes: [String]

    /// How many picks have only estimated features.
    var estimatedCount: Int { picks.filter { !$0.features.origin.isMeasured }.count }
}
