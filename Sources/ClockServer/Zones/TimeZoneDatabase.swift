import Foundation
import Synchronization

/// The system's IANA time zone database: one TZif file per zone under `$TZDIR`,
/// else `/usr/share/zoneinfo` (Debian's `tzdata`), as Python's `zoneinfo` finds it.
///
/// Zones are read once and kept. Reading the files directly keeps zones as current
/// as the system's `tzdata` and keeps ICU, with its tens of megabytes of data,
/// out of the Clock server.
final class TimeZoneDatabase: Sendable {
    static let system = TimeZoneDatabase(
        directory: ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/share/zoneinfo")

    let directory: String
    private let zones = Mutex<[String: ZoneRules]>([:])

    init(directory: String) { self.directory = directory }

    /// The rules of the zone called `name` (`Europe/Madrid`, `UTC`), or nil when the
    /// database has no such zone.
    func rules(named name: String) -> ZoneRules? {
        if let known = zones.withLock({ $0[name] }) { return known }
        guard Self.isZoneName(name),
            let contents = FileManager.default.contents(atPath: directory + "/" + name),
            let rules = try? TZifReader.rules(from: Array(contents))
        else { return name == "UTC" ? .utc : nil }
        zones.withLock { $0[name] = rules }
        return rules
    }

    /// Whether `name` has the shape of an IANA name: components of letters, digits,
    /// `_`, `+` and `-` joined by `/`. Nothing else reaches the file system, so no
    /// name can climb out of the database (`..`, absolute paths).
    static func isZoneName(_ name: String) -> Bool {
        let components = name.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return name.utf8.count <= 255 && components.allSatisfy { component in
            !component.isEmpty && component.first != UInt8(ascii: "-")
                && component.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                        true
                    default: false
                    }
                }
        }
    }
}
