/// The rules of one IANA time zone: which offset from UTC it keeps at each instant.
///
/// Read from the system's time zone database (TZif files, RFC 8536), as the
/// reference time server reads it through Python's `zoneinfo`: the recorded
/// transitions, then the POSIX rule at the end of the file for later instants.
struct ZoneRules: Sendable, Equatable {
    /// A kind of local time a zone keeps.
    struct LocalTime: Sendable, Equatable {
        /// Seconds east of UTC.
        let offsetSeconds: Int
        let isDaylightSaving: Bool
    }

    /// The local time before the first transition.
    let initial: LocalTime
    /// Instants (seconds since 1970 UTC) at which the zone changes its local time, ascending.
    let transitionInstants: [Int]
    /// The local time from each transition on.
    let transitionTimes: [LocalTime]
    /// The rule after the last transition; without one, the last local time holds.
    let rule: PosixTimeZoneRule?

    static let utc = ZoneRules(
        initial: LocalTime(offsetSeconds: 0, isDaylightSaving: false), transitionInstants: [], transitionTimes: [],
        rule: nil)

    /// The local time the zone keeps at `instant` (seconds since 1970 UTC).
    func localTime(at instant: Int) -> LocalTime {
        guard let first = transitionInstants.first, let last = transitionInstants.last else {
            return rule?.localTime(at: instant) ?? initial
        }
        if instant < first { return initial }
        if instant >= last, let rule { return rule.localTime(at: instant) }
        // The last transition at or before the instant.
        var low = 0
        var high = transitionInstants.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitionInstants[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return transitionTimes[low]
    }

    /// The instants whose local time in this zone reads `wallClock` (seconds since
    /// 1970 on the zone's wall clock), earliest first: none in a gap a clock change
    /// skips, two in the hour a clock change repeats.
    func instants(atWallClock wallClock: Int) -> [Int] {
        // Any offset in force on the day can produce the wall-clock time.
        let offsets = Set([-86_400, 0, 86_400].map { localTime(at: wallClock + $0).offsetSeconds })
        return offsets.map { wallClock - $0 }
            .filter { localTime(at: $0).offsetSeconds == wallClock - $0 }
            .sorted()
    }
}
