import Testing

@testable import ClockServer

@Suite struct CivilCalendarTests {
    @Test(arguments: [(1970, 1, 1, 0), (2000, 2, 29, 11_016), (1969, 12, 31, -1), (2025, 9, 23, 20_354),
                      (1600, 3, 1, -135_080), (2400, 12, 31, 157_419)])
    func daysAndDatesAreInverse(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilCalendar.days(year: year, month: month, day: day) == days)
        #expect(CivilCalendar.date(days: days) == (year, month, day))
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        for days in -146_097...146_097 {
            let date = CivilCalendar.date(days: days)
            guard CivilCalendar.days(year: date.year, month: date.month, day: date.day) == days else {
                Issue.record("day \(days) read as \(date)")
                return
            }
        }
    }

    @Test func weekdaysAndSplitting() {
        #expect(CivilCalendar.weekday(days: 0) == 4)  // Thursday
        #expect(CivilCalendar.weekday(days: -1) == 3)
        #expect(CivilCalendar.split(seconds: -1) == (-1, 86_399))
        #expect(CivilCalendar.split(seconds: 86_400) == (1, 0))
        #expect(CivilCalendar.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
    }
}
