import Foundation
import Testing

@testable import ClockServer

@Suite struct LocalZoneTests {
    /// The system's database, with no `/etc` files unless a test gives them.
    func find(tz: String?, link: String? = nil, file: String? = nil, in database: TimeZoneDatabase = .system) -> LocalZone {
        LocalZone.find(
            in: database, environment: tz.map { ["TZ": $0] } ?? [:], localtimeLink: link, timezoneFile: file)
    }

    // MARK: - $TZ first

    @Test func aZoneNameInTZComesFirst() {
        #expect(find(tz: ":Europe/Madrid") == LocalZone(name: "Europe/Madrid", unusableTZ: nil))
        #expect(find(tz: "Asia/Tokyo", link: "/usr/share/zoneinfo/Europe/Madrid").name == "Asia/Tokyo")
        #expect(find(tz: "UTC") == LocalZone(name: "UTC", unusableTZ: nil))
    }

    @Test func aTZThatNamesNoZoneIsPassedOverAndSaysWhy() throws {
        let invalid = find(tz: "Invalid/Zone")
        #expect(invalid.name == "UTC")
        #expect(try #require(invalid.unusableTZ).contains("TZ=Invalid/Zone names no zone"))
        // The machine's own configuration comes next, as in the reference server.
        #expect(find(tz: "Invalid/Zone", link: "/usr/share/zoneinfo/Asia/Kolkata").name == "Asia/Kolkata")
        #expect(find(tz: "../../etc/passwd").name == "UTC")
    }

    @Test func aPOSIXRuleInTZIsNoZoneName() throws {
        let rule = find(tz: "CET-1CEST,M3.5.0,M10.5.0/3", link: "../usr/share/zoneinfo/Asia/Kolkata", file: "Europe/Paris\n")
        #expect(rule.name == "Asia/Kolkata")
        #expect(try #require(rule.unusableTZ).contains("is a POSIX rule"))
        #expect(find(tz: "JST-9").name == "UTC")
    }

    @Test func aPathInTZNamesTheZoneOfItsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoneinfo = directory.appendingPathComponent("zoneinfo")
        try FileManager.default.createDirectory(at: zoneinfo.appendingPathComponent("Test"), withIntermediateDirectories: true)
        let zone = zoneinfo.appendingPathComponent("Test/Plus_Two")
        try Data(TZifFile(types: [(7200, false)], footer: "<+02>-2").bytes).write(to: zone)
        let link = directory.appendingPathComponent("localtime")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: zone)
        let outside = directory.appendingPathComponent("elsewhere")
        try Data(TZifFile(types: [(7200, false)], footer: "<+02>-2").bytes).write(to: outside)
        let database = TimeZoneDatabase(directory: zoneinfo.path)

        #expect(find(tz: ":" + zone.path, in: database) == LocalZone(name: "Test/Plus_Two", unusableTZ: nil))
        #expect(find(tz: zone.path, in: database).name == "Test/Plus_Two")
        #expect(find(tz: ":" + link.path, in: database).name == "Test/Plus_Two")
        let stray = find(tz: ":" + outside.path, in: database)
        #expect(stray.name == "UTC")
        #expect(try #require(stray.unusableTZ).contains("is not a file of the time zone database"))
    }

    @Test func anEmptyTZIsUnset() {
        #expect(find(tz: "", file: "Europe/Paris\n") == LocalZone(name: "Europe/Paris", unusableTZ: nil))
        #expect(find(tz: ":") == LocalZone(name: "UTC", unusableTZ: nil))
    }

    // MARK: - The machine's configuration

    @Test func withoutTZTheLinkThenTheFileThenUTC() {
        #expect(find(tz: nil, link: "../usr/share/zoneinfo/Asia/Kolkata", file: "Europe/Paris\n").name == "Asia/Kolkata")
        #expect(find(tz: nil, file: "Europe/Paris\n").name == "Europe/Paris")
        #expect(find(tz: nil, link: "/etc/weird") == LocalZone(name: "UTC", unusableTZ: nil))
        // A configured name the database lacks is no suggestion either.
        #expect(find(tz: nil, link: "/usr/share/zoneinfo/Mars/Olympus_Mons", file: "Mars/Tharsis\n").name == "UTC")
    }
}
