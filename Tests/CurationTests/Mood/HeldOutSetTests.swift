import Testing

@testable import Curation

/// Setlist's own prompts (HeldOutMoodPrompts), kept apart from the shared dev set so the
/// analyzer is judged on sentences it was not shaped on.
@Suite struct HeldOutSetTests {
    @Test func heldOutSetIsLargeAndVaried() {
        let prompts = HeldOutMoodPrompts.all
        #expect(prompts.count >= 60)
        let analyzer = MoodAnalyzer()
        let languages = Set(prompts.map { analyzer.analyze($0.prompt).language })
        #expect(languages.isSuperset(of: [.english, .spanish, .mixed]))
    }

    @Test func heldOutQuadrantsMatchAtLeastNinetyPercent() {
        let score = MoodQuadrantScore(HeldOutMoodPrompts.all)
        print("Mood held-out score: \(score)")
        for miss in score.misses { print("  held-out miss: \(miss)") }
        #expect(score.share >= 0.9, "held-out score \(score); misses: \(score.misses)")
    }

    @Test func heldOutPromptsDoNotRepeatTheDevSet() throws {
        let devSet = try DevSetTests.loadDevSet()
        let devPrompts = Set(devSet.map { $0.prompt.lowercased() })
        let repeated = HeldOutMoodPrompts.all.filter { devPrompts.contains($0.prompt.lowercased()) }
        #expect(repeated.isEmpty, "\(repeated)")
    }
}
