import Foundation
import Testing

@testable import ClockServer

/// The zones read from the system's TZif files agree with ICU's (Foundation's
/// `TimeZone`), an independent implementation, across recorded transitions and
/// the POSIX rules that follow them.
@Suite struct ZoneRulesTests {
    static let zones = [
        "Europe/Madrid", "Europe/London", "America/New_York", "America/St_Johns", "America/Sao_Paulo",
        "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Tokyo", "Asia/Kolkata",
        "Pacific/Chatham", "Pacific/Auckland", "America/Santiago", "Etc/GMT+5", "UTC",
    ]

    @Test(arguments: zones)
    func offsetsAgreeWithICUFrom1990To2060(name: String) throws {
        let rules = try #require(TimeZoneDatabase.system.rules(named: name))
        let icu = try #require(TimeZone(identifier: name))
        // Every 6 hours and 17 minutes, so that instants fall on all hours of the day.
        for instant in stride(from: 631_152_000, to: 2_871_763_200, by: 22_620) {
            let date = Date(timeIntervalSince1970: Double(instant))
            let expected = icu.secondsFromGMT(for: date)
            let found = rules.localTime(at: instant).offsetSeconds
            guard found == expected else {
                Issue.record("\(name) at \(instant): \(found) s, ICU says \(expected) s")
                return
            }
        }
    }

    @Test func daylightSavingFlagsFollowTheFile() throws {
        let madrid = try #require(TimeZoneDatabase.system.rules(named: "Europe/Madrid"))
        #expect(madrid.localTime(at: 1_758_642_356).isDaylightSaving)  // 2025-09-23
        #expect(!madrid.localTime(at: 1_767_225_600).isDaylightSaving)  // 2026-01-01
        #expect(madrid.localTime(at: 2_540_000_000).isDaylightSaving)  // 2050-06-27, from the rule
        let sydney = try #require(TimeZoneDatabase.system.rules(named: "Australia/Sydney"))
        #expect(sydney.localTime(at: 2_524_608_000).isDaylightSaving)  // 2050-01-01, southern summer
    }

    // MARK: - Wall-clock times

    @Test func aSkippedWallClockTimeHasNoInstant() throws {
        let newYork = try #require(TimeZoneDatabase.system.rules(named: "America/New_York"))
        // 2026-03-08 02:30 does not happen: clocks jump from 02:00 to 03:00.
        let wallClock = CivilCalendar.days(year: 2026, month: 3, day: 8) * 86_400 + 2 * 3600 + 1800
        #expect(newYork.instants(atWallClock: wallClock).isEmpty)
    }

    @Test func aRepeatedWallClockTimeHasTwoInstantsEarliestFirst() throws {
        let newYork = try #require(TimeZoneDatabase.system.rules(named: "America/New_York"))
        // 2026-11-01 01:30 happens twice: first in EDT (-4), then in EST (-5).
        let wallClock = CivilCalendar.days(year: 2026, month: 11, day: 1) * 86_400 + 3600 + 1800
        #expect(newYork.instants(atWallClock: wallClock) == [wallClock + 4 * 3600, wallClock + 5 * 3600])
    }

    @Test func anOrdinaryWallClockTimeHasOneInstant() throws {
        let kathmandu = try #require(TimeZoneDatabase.system.rules(named: "Asia/Kathmandu"))
        let wallClock = CivilCalendar.days(year: 2025, month: 9, day: 23) * 86_400 + 15 * 3600
        #expect(kathmandu.instants(atWallClock: wallClock) == [wallClock - 20_700])
    }
}
