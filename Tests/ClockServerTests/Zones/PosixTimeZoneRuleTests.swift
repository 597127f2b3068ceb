import Testing

@testable import ClockServer

@Suite struct PosixTimeZoneRuleTests {
    /// UTC seconds of a date and time.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int {
        CivilCalendar.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
    }

    func offsets(_ rule: PosixTimeZoneRule, around instant: Int) -> (before: Int, after: Int) {
        (rule.localTime(at: instant - 1).offsetSeconds, rule.localTime(at: instant).offsetSeconds)
    }

    @Test func centralEuropeChangesOnTheLastSundaysOfMarchAndOctober() throws {
        let rule = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(offsets(rule, around: Self.utc(2030, 3, 31, 1)) == (3600, 7200))
        #expect(offsets(rule, around: Self.utc(2030, 10, 27, 1)) == (7200, 3600))
        #expect(rule.localTime(at: Self.utc(2030, 7, 1, 12)).isDaylightSaving)
        #expect(!rule.localTime(at: Self.utc(2030, 12, 1, 12)).isDaylightSaving)
    }

    @Test func southernZonesKeepDaylightTimeAcrossNewYear() throws {
        let rule = try #require(PosixTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        // 2030: ends Sunday 7 April 03:00 AEDT (16:00 UTC the day before), starts Sunday 6 October 02:00 AEST.
        #expect(offsets(rule, around: Self.utc(2030, 4, 6, 16)) == (39_600, 36_000))
        #expect(offsets(rule, around: Self.utc(2030, 10, 5, 16)) == (36_000, 39_600))
        #expect(rule.localTime(at: Self.utc(2030, 1, 1, 0)).isDaylightSaving)
    }

    @Test func quotedNamesAndMinuteOffsets() throws {
        let rule = try #require(PosixTimeZoneRule("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45"))
        #expect(rule.standard.offsetSeconds == 45_900)
        #expect(rule.daylight?.time.offsetSeconds == 49_500)
        #expect(rule.localTime(at: Self.utc(2031, 1, 1, 0)).offsetSeconds == 49_500)
        let newfoundland = try #require(PosixTimeZoneRule("NST3:30NDT,M3.2.0,M11.1.0"))
        #expect(newfoundland.standard.offsetSeconds == -12_600)
        #expect(newfoundland.daylight?.time.offsetSeconds == -9000)
    }

    @Test func aZoneWithoutDaylightTime() throws {
        let rule = try #require(PosixTimeZoneRule("<+0545>-5:45"))
        #expect(rule.daylight == nil)
        #expect(rule.localTime(at: Self.utc(2040, 6, 1, 0)) == .init(offsetSeconds: 20_700, isDaylightSaving: false))
    }

    @Test func daylightTimeAllYear() throws {
        // RFC 8536's example: daylight time from January 1 00:00 to December 31 25:00, all year.
        let rule = try #require(PosixTimeZoneRule("EST5EDT,0/0,J365/25"))
        for month in 1...12 {
            #expect(rule.localTime(at: Self.utc(2031, month, 15, 12)).offsetSeconds == -14_400)
        }
    }

    @Test func julianDaysNeverCountFebruary29() {
        let march1 = CivilCalendar.days(year: 2028, month: 3, day: 1) * 86_400
        #expect(PosixTimeZoneRule.localSeconds(.julian(60), year: 2028) == march1)
        #expect(PosixTimeZoneRule.localSeconds(.zeroBased(59), year: 2028) == march1 - 86_400)
    }

    @Test(arguments: ["", "CE", "CET", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                      "CET-1CEST,J366,J1", "<+12-12", "CET-25", "CET-1CEST,M3.5.0,M10.5.0/200", "CET-1 "])
    func refusesWhatIsNotARule(text: String) {
        #expect(PosixTimeZoneRule(text) == nil)
    }
}
