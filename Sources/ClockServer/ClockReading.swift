import Foundation

/// An instant seen on the wall clock of one time zone.
///
/// The calendar fields come from integer arithmetic on the zone's offset (the
/// proleptic Gregorian calendar), which is exact and far cheaper than a
/// `Calendar` and `String(format:)` on every call.
struct ClockReading: Sendable {
    let date: Date
    let zone: TimeZone
    /// Seconds east of UTC at this instant.
    let offsetSeconds: Int
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 for Sunday through 6 for Saturday.
    let weekday: Int

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// - Parameter offsetSeconds: the zone's offset when the caller knows it (0 for UTC),
    ///   which saves asking the time zone database.
    init(date: Date, zone: TimeZone, offsetSeconds: Int? = nil) {
        self.date = date
        self.zone = zone
        self.offsetSeconds = offsetSeconds ?? zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + self.offsetSeconds
        let (days, secondOfDay) = local.quotientAndRemainder(dividingBy: 86_400)
        let (wholeDays, seconds) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        (year, month, day) = Self.civil(fromDays: wholeDays)
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        second = seconds % 60
        weekday = ((wholeDays % 7) + 11) % 7  // 1970-01-01 was a Thursday
    }

    /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var isDaylightSavingTime: Bool { zone.isDaylightSavingTime(for: date) }

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
