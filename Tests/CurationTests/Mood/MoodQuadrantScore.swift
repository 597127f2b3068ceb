@testable import Curation

/// How many judged valence and energy sides an analyzer gets right on a set of prompts.
struct MoodQuadrantScore: CustomStringConvertible {
    var correct = 0
    var judged = 0
    var prompts = 0
    /// "prompt: valence 0.42, wanted high" for each miss.
    var misses: [String] = []

    init(_ judgedPrompts: [JudgedPrompt], analyzer: MoodAnalyzer = MoodAnalyzer()) {
        for item in judgedPrompts {
            prompts += 1
            let mood = analyzer.analyze(item.prompt)
            check("valence", mood.valence, item.valence, item.prompt)
            check("energy", mood.energy, item.energy, item.prompt)
        }
    }

    var share: Double { judged == 0 ? 0 : Double(correct) / Double(judged) }

    var description: String {
        let percent = (share * 1000).rounded() / 10
        return "\(correct)/\(judged) judged values (\(percent)%) over \(prompts) prompts"
    }

    private mutating func check(_ name: String, _ value: Double, _ side: JudgedPrompt.Side, _ prompt: String) {
        guard side != .any else { return }
        judged += 1
        if (side == .high && value > 0.5) || (side == .low && value < 0.5) {
            correct += 1
        } else {
            misses.append("\(prompt): \(name) \(value), wanted \(side.rawValue)")
        }
    }
}
