/// One way to learn how tracks sound. A source answers for the tracks it knows and
/// leaves the others out (ReccoBeats silently drops tracks it lacks).
public protocol FeatureSource: Sendable {
    /// A name for notes: "ReccoBeats".
    var name: String { get }
    func features(for candidates: [Candidate]) async throws -> [String: TrackFeatures]
}

/// Features remembered between mixes, so a track is looked up once in a while, not
/// every time. Entries expire; a cache that cannot be read is rebuilt, never fatal.
public protocol FeatureCache: Sendable {
    /// The remembered features of those ids that have fresh ones.
    func features(for ids: [String]) async throws -> [String: TrackFeatures]
    func remember(_ features: [String: TrackFeatures]) async throws
}
