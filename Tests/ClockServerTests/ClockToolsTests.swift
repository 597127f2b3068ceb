import Foundation
import Logging
import MCP
import Testing

@testable import ClockServer
@testable import ServerKit

@Suite struct ClockToolsTests {
    /// 2025-09-23 15:45:56 UTC, the instant in the seed's example.
    static let seedInstant = Date(timeIntervalSince1970: 1_758_642_356)
    let tools = ClockTools.all(now: { seedInstant })

    func call(_ name: String, _ arguments: [String: Value]? = nil) async throws -> CallTool.Result {
        try await MCPService(name: "clock", tools: tools).callTool(named: name, arguments: arguments)
    }

    // MARK: - current_time

    @Test func currentTimeUsesTheSeedsFormatInTextAndStructuredContent() async throws {
        let result = try await call("current_time")
        #expect(result.content == [.plainText("2025-09-23 15:45:56 UTC")])
        #expect(
            result.structuredContent
                == ["result": "2025-09-23 15:45:56 UTC", "iso8601": "2025-09-23T15:45:56Z", "unix": 1_758_642_356])
    }

    @Test func currentTimeReadsTheRealClock() async throws {
        let result = try await MCPService.clock(logger: Logger(label: "clock-test")).callTool(named: "current_time", arguments: nil)
        let unix = try #require(result.structuredContent?.objectValue?["unix"]?.intValue)
        #expect(abs(Double(unix) - Date().timeIntervalSince1970) < 5)
        let text = try #require(result.structuredContent?.objectValue?["result"]?.stringValue)
        #expect(text.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/) != nil)
    }

    // MARK: - get_current_time

    @Test func getCurrentTimeReportsLikeTheReferenceServer() async throws {
        let result = try await call("get_current_time", ["timezone": "Europe/Madrid"])
        #expect(
            result.structuredContent
                == [
                    "timezone": "Europe/Madrid", "datetime": "2025-09-23T17:45:56+02:00", "day_of_week": "Tuesday",
                    "is_dst": true,
                ])
    }

    @Test func getCurrentTimeRefusesUnknownZones() async throws {
        let result = try await call("get_current_time", ["timezone": "Mars/Olympus_Mons"])
        #expect(result.isError == true)
        guard case .text(let message, _, _) = result.content.first else { throw ToolFailure("no text") }
        #expect(message.contains("Invalid timezone"))
    }

    @Test func descriptionsNameTheLocalZone() throws {
        let descriptor = try #require(tools.first { $0.name == "get_current_time" }?.descriptor)
        let property = descriptor.inputSchema.objectValue?["properties"]?.objectValue?["timezone"]
        #expect(property?.objectValue?["description"]?.stringValue?.contains("'\(LocalZone.find().name)'") == true)
    }

    // MARK: - convert_time

    @Test func convertsToAZoneWithAQuarterHourOffset() async throws {
        let result = try await call(
            "convert_time", ["source_timezone": "UTC", "time": "10:00", "target_timezone": "Asia/Kathmandu"])
        let converted = try #require(result.structuredContent?.objectValue)
        #expect(converted["time_difference"] == "+5.75h")
        #expect(converted["target"]?.objectValue?["datetime"] == "2025-09-23T15:45:00+05:45")
        #expect(converted["source"]?.objectValue?["datetime"] == "2025-09-23T10:00:00+00:00")
    }

    @Test func convertsAcrossTheDateLine() async throws {
        let result = try await call(
            "convert_time", ["source_timezone": "America/New_York", "time": "16:30", "target_timezone": "Asia/Tokyo"])
        let converted = try #require(result.structuredContent?.objectValue)
        #expect(converted["time_difference"] == "+13.0h")
        #expect(converted["target"]?.objectValue?["datetime"] == "2025-09-24T05:30:00+09:00")
        #expect(converted["target"]?.objectValue?["day_of_week"] == "Wednesday")
        #expect(converted["source"]?.objectValue?["is_dst"] == true)
    }

    @Test(arguments: ["25:00", "9.30", "noon", "12:60", "", "１２:００"])
    func refusesTimesThatAreNotHHMM(time: String) async throws {
        let result = try await call(
            "convert_time", ["source_timezone": "UTC", "time": .string(time), "target_timezone": "Asia/Tokyo"])
        #expect(result.isError == true)
        #expect(result.content == [.plainText("Invalid time format. Expected HH:MM [24-hour format], such as '09:30' or '21:05'.")])
    }

    @Test func refusesAWallClockTimeSkippedByDST() throws {
        let springForward = Date(timeIntervalSince1970: 1_772_960_400)  // 2026-03-08 09:00 UTC
        #expect(throws: ToolFailure.self) {
            _ = try TimeConversion.convert("02:30", from: "America/New_York", to: "UTC", on: springForward)
        }
    }

    @Test func readsAWallClockTimeARepeatedHourShowsTwiceAsItsFirstOccurrence() throws {
        let fallBack = Date(timeIntervalSince1970: 1_793_534_400)  // 2026-11-01 12:00 UTC
        let conversion = try TimeConversion.convert("01:30", from: "America/New_York", to: "UTC", on: fallBack)
        #expect(conversion.source.datetime == "2026-11-01T01:30:00-04:00")
        #expect(conversion.source.is_dst)
        #expect(conversion.target.datetime == "2026-11-01T05:30:00+00:00")
    }

    @Test(arguments: [(32_400, "+9.0h"), (-14_400, "-4.0h"), (20_700, "+5.75h"), (-12_600, "-3.5h"), (0, "+0.0h"), (45_900, "+12.75h"), (-34_200, "-9.5h")])
    func formatsDifferencesLikeTheReference(seconds: Int, text: String) {
        #expect(TimeConversion.formatDifference(seconds: seconds) == text)
    }
}
