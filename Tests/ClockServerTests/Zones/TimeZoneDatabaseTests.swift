import Foundation
import Testing

@testable import ClockServer

@Suite struct TimeZoneDatabaseTests {
    @Test(arguments: ["Europe/Madrid", "America/Port-au-Prince", "Etc/GMT+5", "UTC", "America/Argentina/Buenos_Aires"])
    func acceptsIANANames(name: String) {
        #expect(TimeZoneDatabase.isZoneName(name))
        #expect(TimeZoneDatabase.system.rules(named: name) != nil)
    }

    @Test(arguments: ["", "../../etc/passwd", "/etc/passwd", "Europe/../../etc/passwd", "Europe//Madrid", "Europe/",
                      "zone.tab", "Europe/Madrid\0", "Europe/Madrid ", "-rf", "Mars/Olympus_Mons"])
    func refusesWhatIsNotAZone(name: String) {
        #expect(TimeZoneDatabase.system.rules(named: name) == nil)
    }

    @Test func readsZonesFromTheGivenDirectoryOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Test"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("Test/Plus_Two").path
        try Data(TZifFile(types: [(7200, false)], footer: "<+02>-2").bytes).write(to: URL(fileURLWithPath: path))
        let database = TimeZoneDatabase(directory: directory.path)
        #expect(database.rules(named: "Test/Plus_Two")?.localTime(at: 0).offsetSeconds == 7200)
        try FileManager.default.removeItem(atPath: path)
        #expect(database.rules(named: "Test/Plus_Two")?.localTime(at: 0).offsetSeconds == 7200)
        // A file that is not TZif is no zone; UTC is known even where the database lacks it.
        try Data("# not a zone\n".utf8).write(to: directory.appendingPathComponent("Test/Notes"))
        #expect(database.rules(named: "Test/Notes") == nil)
        #expect(database.rules(named: "UTC") == .utc)
    }
}
