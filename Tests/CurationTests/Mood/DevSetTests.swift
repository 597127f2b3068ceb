import Foundation
import Testing

@testable import Curation

/// The dev set is the project's `eval/moods-dev.jsonl`, read from `SETLIST_EVAL_DIR`
/// when set, else from the copy kept beside this test. A missing file fails the test:
/// the bar is never skipped.
@Suite struct DevSetTests {
    static let fileName = "moods-dev.jsonl"

    private struct Line: Decodable {
        var prompt: String
        var valence: String
        var energy: String
    }

    static func candidatePaths(filePath: String = #filePath) -> [String] {
        if let directory = ProcessInfo.processInfo.environment["SETLIST_EVAL_DIR"], !directory.isEmpty {
            return [directory + "/" + fileName]
        }
        let copy = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(fileName)").path
        return [copy]
    }

    static func loadDevSet() throws -> [JudgedPrompt] {
        let paths = candidatePaths()
        guard let path = paths.first(where: { FileManager.default.fileExists(atPath: $0) }),
            let data = FileManager.default.contents(atPath: path)
        else {
            throw DevSetMissing(paths: paths)
        }
        let text = String(decoding: data, as: UTF8.self)
        return try text.split(whereSeparator: \.isNewline).map { line in
            let entry = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            return JudgedPrompt(
                entry.prompt, valence: JudgedPrompt.Side(rawValue: entry.valence) ?? .any,
                energy: JudgedPrompt.Side(rawValue: entry.energy) ?? .any)
        }
    }

    struct DevSetMissing: Error, CustomStringConvertible {
        var paths: [String]
        var description: String {
            "The mood dev set \(DevSetTests.fileName) was not found at \(paths.joined(separator: " or ")). "
                + "Set SETLIST_EVAL_DIR to the folder that holds it."
        }
    }

    @Test func devSetQuadrantsMatchAtLeastNinetyPercent() throws {
        let prompts = try Self.loadDevSet()
        #expect(prompts.count >= 30, "the dev set shrank: \(prompts.count) prompts")
        let score = MoodQuadrantScore(prompts)
        print("Mood dev-set score: \(score)")
        for miss in score.misses { print("  dev-set miss: \(miss)") }
        #expect(score.share >= 0.9, "dev-set score \(score); misses: \(score.misses)")
    }
}
