import Foundation

/// The zone the tool descriptions suggest when the user names none, found as the
/// reference time server finds it (tzlocal): `$TZ` when it names a zone of the
/// database, else the zone `/etc/localtime` links to, else `/etc/timezone`, else UTC.
///
/// Only a zone the tools accept is ever suggested. A `$TZ` that names none (a typo, a
/// POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`, a file outside the database) is
/// passed over, and ``unusableTZ`` says why, for the log.
struct LocalZone: Sendable, Equatable {
    /// An IANA name the database knows, such as `Europe/Madrid`.
    let name: String
    /// Why `$TZ` was set but not used; nil when it was used or not set.
    let unusableTZ: String?

    // MARK: - Finding it

    /// - Parameters:
    ///   - localtimeLink: where `/etc/localtime` links to, if it is a link.
    ///   - timezoneFile: the contents of `/etc/timezone`, if any.
    static func find(
        in database: TimeZoneDatabase = .system,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        localtimeLink: String? = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
        timezoneFile: String? = try? String(contentsOfFile: "/etc/timezone", encoding: .utf8)
    ) -> LocalZone {
        var unusableTZ: String?
        // glibc and tzlocal read a leading `:` as "implementation-defined": a zone name or a file.
        if let variable = environment["TZ"].map({ $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }), !variable.isEmpty {
            let name = variable.hasPrefix("/") ? zoneName(inPath: resolvingLinks(variable), database: database) : variable
            if let name, database.rules(named: name) != nil { return LocalZone(name: name, unusableTZ: nil) }
            unusableTZ = reason(variable, database: database)
        }
        let configured = [
            localtimeLink.flatMap { zoneName(inPath: $0, database: database) },
            timezoneFile.flatMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) },
        ]
        let name = configured.compactMap { $0 }.first { database.rules(named: $0) != nil } ?? "UTC"
        return LocalZone(name: name, unusableTZ: unusableTZ)
    }

    /// The zone name in a path to a TZif file: what follows the database's directory or
    /// the last `zoneinfo/` (`/usr/share/zoneinfo/Europe/Madrid` is `Europe/Madrid`).
    static func zoneName(inPath path: String, database: TimeZoneDatabase) -> String? {
        if path.hasPrefix(database.directory + "/") { return String(path.dropFirst(database.directory.count + 1)) }
        return path.range(of: "zoneinfo/", options: .backwards).map { String(path[$0.upperBound...]) }
    }

    /// The file a path finally names, so that an alias such as `US/Eastern` reads as the zone it links to.
    private static func resolvingLinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Why `$TZ` names no zone, in words for the log.
    private static func reason(_ variable: String, database: TimeZoneDatabase) -> String {
        if variable.hasPrefix("/") {
            return "TZ=\(variable) is not a file of the time zone database in \(database.directory)"
        }
        if PosixTimeZoneRule(variable) != nil {
            return "TZ=\(variable) is a POSIX rule, not an IANA time zone name the time tools accept"
        }
        return "TZ=\(variable) names no zone of the time zone database in \(database.directory)"
    }
}
