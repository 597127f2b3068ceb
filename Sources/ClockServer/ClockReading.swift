import Foundation

/// An instant seen on the wall clock of one time zone.
struct ClockReading: Sendable {
    let date: Date
    let zone: TimeZone

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private var components: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    /// Seconds east of UTC at this instant.
    var offsetSeconds: Int { zone.secondsFromGMT(for: date) }

    var isDaylightSavingTime: Bool { zone.isDaylightSavingTime(for: date) }

    var dayOfWeek: String { Self.weekdays[(components.weekday ?? 1) - 1] }

    /// `2025-09-23 15:45:56`, the wall-clock date and time.
    var dateTime: String {
        let c = components
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// ISO 8601 to the second with the zone's offset, as Python's `isoformat(timespec="seconds")`
    /// writes it: `2025-09-23T17:45:56+02:00`.
    var isoDateTime: String {
        let offset = offsetSeconds
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        return dateTime.replacingOccurrences(of: " ", with: "T") + String(format: "%@%02d:%02d", sign, hours, minutes)
    }
}
