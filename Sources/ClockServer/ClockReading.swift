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
    var datePart: String { written { $0.date(self) } }

    /// `2025-09-23 15:45:56`, the wall-clock date and time, followed by `suffix`; with
    /// `separator` between the two (`T` for ISO 8601).
    func dateTime(separator: Character = " ", suffix: String = "") -> String {
        written { text in
            text.date(self)
            text.append(separator)
            text.time(self)
            text.append(suffix)
        }
    }

    /// ISO 8601 to the second with the zone's offset, as Python's `isoformat(timespec="seconds")`
    /// writes it: `2025-09-23T17:45:56+02:00`.
    var isoDateTime: String {
        let offset = abs(offsetSeconds)
        return written { text in
            text.date(self)
            text.append("T")
            text.time(self)
            text.append(offsetSeconds < 0 ? "-" : "+")
            text.number(offset / 3600, width: 2)
            text.append(":")
            text.number(offset % 3600 / 60, width: 2)
        }
    }

    // MARK: - Writing

    /// The text `write` makes, written byte by byte into one buffer: the clock tools
    /// answer every call with it, and interpolating padded numbers cost more than the
    /// rest of a call.
    private func written(_ write: (inout DigitText) -> Void) -> String {
        var text = DigitText()
        write(&text)
        return String(decoding: text.bytes, as: UTF8.self)
    }
}

/// ASCII text with zero-padded numbers, for dates and times.
private struct DigitText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(32) }

    /// `number` in decimal, zero-padded to at least `width` digits.
    mutating func number(_ number: Int, width: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var power: UInt = 1
        var count = 1
        while magnitude / power >= 10 {
            power *= 10
            count += 1
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - count)))
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        }
    }

    mutating func append(_ character: Character) { bytes.append(contentsOf: character.utf8) }
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `2025-09-23`.
    mutating func date(_ reading: ClockReading) {
        numbers(reading.year, reading.month, reading.day, firstWidth: 4, separator: "-")
    }

    /// `15:45:56`.
    mutating func time(_ reading: ClockReading) {
        numbers(reading.hour, reading.minute, reading.second, separator: ":")
    }

    /// Three numbers with `separator` between them, the last two of two digits.
    private mutating func numbers(_ first: Int, _ second: Int, _ third: Int, firstWidth: Int = 2, separator: Character) {
        number(first, width: firstWidth)
        append(separator)
        number(second, width: 2)
        append(separator)
        number(third, width: 2)
    }
}
