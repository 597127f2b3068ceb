import Foundation
import Testing

@testable import ClockServer

/// Readings written as the seed and the reference time server write them: every field
/// zero-padded, offsets with their sign and minutes.
@Suite struct ClockReadingTests {
    /// 2025-09-23 15:45:56 UTC, the instant in the seed's example.
    static let seedInstant = Date(timeIntervalSince1970: 1_758_642_356)

    @Test func theSeedsInstantInEveryForm() {
        let reading = ClockReading(date: Self.seedInstant, zone: .utc)
        #expect(reading.datePart == "2025-09-23")
        #expect(reading.dateTime() == "2025-09-23 15:45:56")
        #expect(reading.dateTime(suffix: " UTC") == "2025-09-23 15:45:56 UTC")
        #expect(reading.dateTime(separator: "T", suffix: "Z") == "2025-09-23T15:45:56Z")
        #expect(reading.isoDateTime == "2025-09-23T15:45:56+00:00")
    }

    @Test func smallFieldsArePaddedToTheirWidth() {
        // 0987-01-02 03:04:05 UTC: a three-digit year, and single digits everywhere else.
        let reading = ClockReading(date: Date(timeIntervalSince1970: -31_020_353_755), zone: .utc)
        #expect(reading.dateTime(separator: "T", suffix: "Z") == "0987-01-02T03:04:05Z")
    }

    @Test(arguments: [("America/St_Johns", "2025-09-23T13:15:56-02:30"), ("Asia/Kathmandu", "2025-09-23T21:30:56+05:45")])
    func offsetsKeepTheirSignAndMinutes(zone: String, written: String) throws {
        let reading = ClockReading(date: Self.seedInstant, zone: try ClockTools.zone(named: zone))
        #expect(reading.isoDateTime == written)
    }
}
