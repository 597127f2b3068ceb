import Curation
import ServerKit

/// A mix made into a playlist: the playlist, what went in, and the mood it was made for.
struct MixOutput: ToolOutput {
    let playlist: PlaylistOutput
    let mood: MoodOutput
    let tracks: [RecommendedTrack]
    let notes: [String]

    var isFailure: Bool { playlist.error != nil }

    static let outputSchema = JSONSchema.object([
        "playlist": PlaylistOutput.schema,
        "mood": MoodOutput.schema,
        "tracks": .array(of: RecommendedTrack.schema, "The tracks chosen, in playlist order"),
        "notes": .array(of: .string()),
    ])

    init(_ publication: MixBuilder.Publication, mood: Mood, recommendation: Recommendation) {
        playlist = PlaylistOutput(playlist: publication.playlist, append: publication.append)
        self.mood = MoodOutput(mood)
        tracks = recommendation.picks.map(RecommendedTrack.init)
        notes = recommendation.notes
    }
}
