import Foundation
import MCP
import ServerKit

/// `current_time`'s answer: the seed's UTC string, plus machine-friendly forms.
struct UTCTime: ToolOutput, Equatable {
    /// `YYYY-MM-DD HH:MM:SS UTC`, the seed's format.
    let result: String
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    let iso8601: String
    /// Seconds since 1970-01-01 UTC.
    let unix: Int

    init(_ reading: ClockReading) {
        result = reading.dateTime(suffix: " UTC")
        iso8601 = reading.dateTime(separator: "T", suffix: "Z")
        unix = Int(reading.date.timeIntervalSince1970.rounded(.down))
    }

    static let outputSchema = JSONSchema.object([
        "result": .string("The current UTC time as 'YYYY-MM-DD HH:MM:SS UTC'"),
        "iso8601": .string("The same instant in ISO 8601, 'YYYY-MM-DDTHH:MM:SSZ'"),
        "unix": .integer("The same instant in seconds since 1970-01-01 UTC"),
    ])

    /// The seed's clients read the UTC string itself as the text.
    var contentBlocks: [Tool.Content]? { [.plainText(result)] }
}

/// A time in a named zone, as the reference time server reports it.
struct ZonedTime: ToolOutput, Equatable {
    let timezone: String
    let datetime: String
    let day_of_week: String
    let is_dst: Bool

    init(name: String, reading: ClockReading) {
        timezone = name
        datetime = reading.isoDateTime
        day_of_week = reading.dayOfWeek
        is_dst = reading.isDaylightSavingTime
    }

    static let outputSchema = JSONSchema.object([
        "timezone": .string("The IANA timezone name asked for"),
        "datetime": .string("ISO 8601 date and time with the zone's UTC offset"),
        "day_of_week": .string("The weekday in English"),
        "is_dst": .boolean("Whether daylight saving time is in effect"),
    ])
}

/// `convert_time`'s answer: the same instant in two zones and how far apart they are.
struct TimeConversion: ToolOutput, Equatable {
    let source: ZonedTime
    let target: ZonedTime
    /// Target minus source offset, as `+9.0h`, `-4.0h` or `+5.75h`.
    let time_difference: String

    static let outputSchema = JSONSchema.object([
        "source": ZonedTime.outputSchema,
        "target": ZonedTime.outputSchema,
        "time_difference": .string("Target offset minus source offset in hours, such as '+9.0h' or '+5.75h'"),
    ])

    /// Reads `time` (`HH:MM`, 24-hour) as a wall-clock time today in `sourceName` and
    /// finds the same instant in `targetName`.
    static func convert(_ time: String, from sourceName: String, to targetName: String, on now: Date) throws
        -> TimeConversion
    {
        let source = try ClockTools.zone(named: sourceName)
        let target = try ClockTools.zone(named: targetName)
        guard let (hour, minute) = parseClockTime(time) else {
            throw ToolFailure("Invalid time format. Expected HH:MM [24-hour format], such as '09:30' or '21:05'.")
        }
        let today = ClockReading(date: now, zone: source)
        let wallClock = today.days * 86_400 + hour * 3600 + minute * 60
        guard let first = source.instants(atWallClock: wallClock).first else {
            throw ToolFailure(
                "Invalid time: \(time) does not exist in \(sourceName) on \(today.datePart) (skipped by a clock change).")
        }
        let instant = Date(timeIntervalSince1970: Double(first))
        let from = ClockReading(date: instant, zone: source)
        let to = ClockReading(date: instant, zone: target)
        return TimeConversion(
            source: ZonedTime(name: sourceName, reading: from),
            target: ZonedTime(name: targetName, reading: to),
            time_difference: formatDifference(seconds: to.offsetSeconds - from.offsetSeconds))
    }

    /// `H:MM` or `HH:MM` with hour 0–23 and minute 0–59, as Python's `strptime("%H:%M")` reads it.
    static func parseClockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":" as Character, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// Whole hours keep one decimal (`+9.0h`); others keep what they need (`+5.75h`, `-3.5h`),
    /// as the reference server's `f"{hours:+.1f}"` and `f"{hours:+.2f}".rstrip("0")` write them.
    static func formatDifference(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        if seconds % 3600 == 0 { return "\(sign)\(abs(seconds) / 3600).0h" }
        let hundredths = (abs(seconds) * 100 + 1800) / 3600
        var fraction = String(hundredths % 100)
        if fraction.count == 1 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(hundredths / 100)" + (fraction.isEmpty ? "" : "." + fraction) + "h"
    }
}
