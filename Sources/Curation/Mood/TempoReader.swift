/// A tempo the prompt stated in numbers.
struct TempoReading: Equatable, Sendable {
    var beatsPerMinute: Double
    /// The tokens read, `range.upperBound` being the first one after.
    var range: Range<Int>
    /// As written: "90-100 bpm", "tempo 128".
    var phrase: String
}

/// Reads "120 bpm", "around 90 BPM", "a 140 bpm", "90-100 bpm" (the middle), "entre 90 y 110 bpm",
/// "tempo 128", "tempo de 128", "100 beats per minute". A number with no tempo word near it
/// ("top 50", "2 hours") is not a tempo.
enum TempoReader {
    /// Music people dance, run or sleep to lies in here; other numbers are something else.
    static let plausibleTempo: ClosedRange<Double> = 30...300

    /// Reads a tempo whose first number is at `index`.
    static func read(_ tokens: [PromptToken], at index: Int) -> TempoReading? {
        guard index < tokens.count, tokens[index].kind == .number,
            let first = Double(tokens[index].text)
        else { return nil }
        var cursor = index + 1
        var second: Double?
        if cursor + 1 < tokens.count, rangeJoiners.contains(tokens[cursor].text), tokens[cursor + 1].kind == .number,
            let upper = Double(tokens[cursor + 1].text)
        {
            second = upper
            cursor += 2
        }
        let values = [first] + (second.map { [$0] } ?? [])
        guard values.allSatisfy({ plausibleTempo.contains($0) }) else { return nil }
        let beats = second.map { (first + $0) / 2 } ?? first

        if let unitLength = unitLength(tokens, at: cursor) {
            let range = index..<(cursor + unitLength)
            return TempoReading(beatsPerMinute: beats, range: range, phrase: phrase(tokens, range))
        }
        if let start = tempoWordBefore(tokens, index) {
            let range = start..<cursor
            return TempoReading(beatsPerMinute: beats, range: range, phrase: phrase(tokens, range))
        }
        return nil
    }

    // MARK: - Words around the number

    private static let rangeJoiners: Set<String> = ["-", "to", "a", "y", "and", "or", "o", "hasta", "al"]

    private static let units: [[String]] = [
        ["beats", "per", "minute"], ["beats", "a", "minute"], ["beats", "por", "minuto"],
        ["pulsaciones", "por", "minuto"], ["pulsos", "por", "minuto"], ["golpes", "por", "minuto"],
        ["beats", "/", "min"], ["bpm"], ["bpms"], ["ppm"],
    ]

    private static let tempoWords: Set<String> = ["tempo", "bpm", "bpms", "ritmo"]

    /// Words that may stand between "tempo" and its number: "tempo of about 128".
    private static let connectors: Set<String> = [
        "of", "around", "about", "roughly", "approx", "approximately", "at", "is", "like", "near", ":", "=",
        "de", "a", "unos", "alrededor", "cerca", "del", "sobre", "en", "entre", "between", "~",
    ]

    private static func unitLength(_ tokens: [PromptToken], at index: Int) -> Int? {
        for unit in units where index + unit.count <= tokens.count {
            if unit.indices.allSatisfy({ tokens[index + $0].text == unit[$0] }) { return unit.count }
        }
        return nil
    }

    /// The index of "tempo" when it comes just before the number, connectors allowed between.
    private static func tempoWordBefore(_ tokens: [PromptToken], _ index: Int) -> Int? {
        var cursor = index - 1
        var skipped = 0
        while cursor >= 0, skipped <= 3 {
            let text = tokens[cursor].text
            if tempoWords.contains(text) { return cursor }
            guard connectors.contains(text) else { return nil }
            cursor -= 1
            skipped += 1
        }
        return nil
    }

    private static func phrase(_ tokens: [PromptToken], _ range: Range<Int>) -> String {
        var text = ""
        for index in range {
            let token = tokens[index]
            let joinsTight = token.text == "-" || (index > range.lowerBound && tokens[index - 1].text == "-")
            if !text.isEmpty, !joinsTight { text += " " }
            text += token.written
        }
        return text
    }
}
