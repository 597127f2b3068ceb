import Foundation

/// An instant seen on the wall clock of one time zone.
///
/// The calendar fields come from integer arithmetic on the zone's offset (the
/// proleptic Gregorian calendar), which is exact and far cheaper than a
/// `Calendar` and `String(format:)` on every call.
struct ClockReading: Sendable {
    let date: Date
    /// The zone's local time at this instant: its offset and whether it is daylight saving time.
    let localTime: ZoneRules.LocalTime
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Days since 1970-01-01 on the zone's wall clock.
    let days: Int
    /// 0 for Sunday through 6 for Saturday.
    let weekday: Int

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    init(date: Date, zone: ZoneRules) {
        let instant = Int(date.timeIntervalSince1970.rounded(.down))
        self.date = date
        localTime = zone.localTime(at: instant)
        let (days, secondOfDay) = CivilCalendar.split(seconds: instant + localTime.offsetSeconds)
        self.days = days
        (year, month, day) = CivilCalendar.date(days: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = CivilCalendar.weekday(days: days)
    }

    /// Seconds east of UTC at this instant.
    var offsetSeconds: Int { localTime.offsetSeconds }

    var isDaylightSavingTime: Bool { localTime.isDaylightSaving }

    var dayOfWeek: String { Self.weekdays[weekday] }

    /// `2025-09-23`.
    var datePart: String { "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))" }

    /// `15:45:56`.
    var timePart: String { "\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))" }

    /// `2025-09-23 15:45:56`, the wall-clock date and time.
    var dateTime: String { datePart + " " + timePart }

    /// ISO 8601 to the second with the zone's offset, as Python's `isoformat(timespec="seconds")`
    /// writes it: `2025-09-23T17:45:56+02:00`.
    var isoDateTime: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = abs(offsetSeconds)
        return datePart + "T" + timePart + "\(sign)\(Self.pad(offset / 3600)):\(Self.pad(offset % 3600 / 60))"
    }

    private static func pad(_ number: Int, _ width: Int = 2) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
