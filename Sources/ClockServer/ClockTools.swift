import Foundation
import MCP
import ServerKit

/// The time tools: the seed's `current_time`, and the reference time server's
/// `get_current_time` and `convert_time` with the same outputs.
public enum ClockTools {
    /// - Parameter now: the clock to read; tests pass a fixed instant.
    public static func all(now: @escaping @Sendable () -> Date = Date.init) -> [AnyTool] {
        [AnyTool(currentTime(now: now)), AnyTool(getCurrentTime(now: now)), AnyTool(convertTime(now: now))]
    }

    /// The zone the descriptions suggest when the user names none, as the reference server does.
    static let localZone = LocalZone.find()

    static let annotations = Tool.Annotations(
        readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

    // MARK: - current_time

    static func currentTime(now: @escaping @Sendable () -> Date) -> ToolDefinition<NoArguments, UTCTime> {
        ToolDefinition(
            name: "current_time",
            title: "Current UTC Time",
            description: "Get the current time in UTC, formatted as 'YYYY-MM-DD HH:MM:SS UTC'.",
            annotations: Tool.Annotations(readOnlyHint: true, destructiveHint: false, openWorldHint: false)
        ) { _ in
            UTCTime(ClockReading(date: now(), zone: .utc))
        }
    }

    // MARK: - get_current_time

    struct ZoneInput: ToolInput {
        let timezone: String
        static let schema = JSONSchema.object([
            "timezone": .string(
                "IANA timezone name (e.g., 'America/New_York', 'Europe/London'). "
                    + "Use '\(localZone.name)' as local timezone if no timezone provided by the user.")
        ])
    }

    static func getCurrentTime(now: @escaping @Sendable () -> Date) -> ToolDefinition<ZoneInput, ZonedTime> {
        ToolDefinition(
            name: "get_current_time",
            title: "Get Current Time",
            description: "Get current time in a specific timezone",
            annotations: annotations
        ) { input in
            let zone = try zone(named: input.timezone)
            return ZonedTime(name: input.timezone, reading: ClockReading(date: now(), zone: zone))
        }
    }

    // MARK: - convert_time

    struct ConversionInput: ToolInput {
        let source_timezone: String
        let time: String
        let target_timezone: String
        static let schema = JSONSchema.object([
            "source_timezone": .string(
                "Source IANA timezone name (e.g., 'America/New_York', 'Europe/London'). "
                    + "Use '\(localZone.name)' as local timezone if no source timezone provided by the user."),
            "time": .string("Time to convert in 24-hour format (HH:MM)"),
            "target_timezone": .string(
                "Target IANA timezone name (e.g., 'Asia/Tokyo', 'America/San_Francisco'). "
                    + "Use '\(localZone.name)' as local timezone if no target timezone provided by the user."),
        ])
    }

    static func convertTime(now: @escaping @Sendable () -> Date) -> ToolDefinition<ConversionInput, TimeConversion> {
        ToolDefinition(
            name: "convert_time",
            title: "Convert Time",
            description: "Convert time between timezones",
            annotations: annotations
        ) { input in
            try TimeConversion.convert(
                input.time, from: input.source_timezone, to: input.target_timezone, on: now())
        }
    }

    static func zone(named name: String) throws -> ZoneRules {
        guard let zone = TimeZoneDatabase.system.rules(named: name) else {
            throw ToolFailure(
                "Invalid timezone: '\(name)' is not a known IANA timezone name. "
                    + "Use a name such as 'Europe/Madrid', 'America/New_York' or 'UTC'.")
        }
        return zone
    }
}
