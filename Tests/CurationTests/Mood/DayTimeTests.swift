import Testing

@testable import Curation

/// A prompt that names no time is read as of the moment it was asked.
@Suite struct DayTimeTests {
    let analyzer = MoodAnalyzer()

    @Test func theHourAndDayNameTheMoment() {
        #expect(DayTime(hour: 9, weekday: 1).phrase == "sunday morning")
        #expect(DayTime(hour: 2, weekday: 4).phrase == "late night")
        #expect(DayTime(hour: 19, weekday: 7).phrase == "saturday evening")
        #expect(DayTime(hour: 99, weekday: 0) == DayTime(hour: 23, weekday: 1))
    }

    @Test func aPromptWithoutATimeIsReadAtTheMoment() {
        let lateNight = analyzer.analyze("something for now", at: DayTime(hour: 2, weekday: 4))
        let saturday = analyzer.analyze("something for now", at: DayTime(hour: 15, weekday: 7))
        #expect(lateNight.energy < saturday.energy)
        #expect(lateNight.explanation.contains { $0.phrase == "(asked on a late night)" })
        #expect(!lateNight.tags.contains("late night"))
    }

    @Test func aPromptThatNamesATimeKeepsItsOwn() {
        let prompt = "sunny morning run"
        #expect(analyzer.analyze(prompt, at: DayTime(hour: 2, weekday: 4)) == analyzer.analyze(prompt))
    }
}
