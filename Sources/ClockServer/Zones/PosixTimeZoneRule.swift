/// A POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`: a zone's standard time,
/// and its daylight saving time with the yearly dates it starts and ends.
///
/// TZif files end with one (RFC 8536, section 3.3) for the instants after their
/// last recorded transition. Offsets in the text count hours west of UTC.
struct PosixTimeZoneRule: Sendable, Equatable {
    /// A yearly date on which daylight saving time starts or ends.
    enum YearlyDate: Sendable, Equatable {
        /// `Jn`: day 1–365, February 29 never counted.
        case julian(Int)
        /// `n`: day 0–365 counted from January 1, February 29 counted.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 is Sunday) of week `w` (1–5, 5 is the last) of month `m`.
        case weekday(month: Int, week: Int, weekday: Int)
    }

    struct Daylight: Sendable, Equatable {
        let time: ZoneRules.LocalTime
        let start: YearlyDate
        /// Seconds after local midnight, in standard time.
        let startSecond: Int
        let end: YearlyDate
        /// Seconds after local midnight, in daylight saving time.
        let endSecond: Int
    }

    let standard: ZoneRules.LocalTime
    let daylight: Daylight?

    func localTime(at instant: Int) -> ZoneRules.LocalTime {
        guard let daylight else { return standard }
        let year = CivilCalendar.date(days: CivilCalendar.split(seconds: instant + standard.offsetSeconds).days).year
        let start = Self.localSeconds(daylight.start, year: year) + daylight.startSecond - standard.offsetSeconds
        let end = Self.localSeconds(daylight.end, year: year) + daylight.endSecond - daylight.time.offsetSeconds
        let inDaylight = start < end ? (start <= instant && instant < end) : !(end <= instant && instant < start)
        return inDaylight ? daylight.time : standard
    }

    /// Local midnight of the date in `year`, in seconds since 1970.
    static func localSeconds(_ date: YearlyDate, year: Int) -> Int {
        let january1 = CivilCalendar.days(year: year, month: 1, day: 1)
        let days: Int
        switch date {
        case .julian(let day):
            days = january1 + day - 1 + (CivilCalendar.isLeapYear(year) && day >= 60 ? 1 : 0)
        case .zeroBased(let day):
            days = january1 + day
        case .weekday(let month, let week, let weekday):
            let first = CivilCalendar.days(year: year, month: month, day: 1)
            var day = 1 + (weekday - CivilCalendar.weekday(days: first) + 7) % 7 + 7 * (week - 1)
            while day > CivilCalendar.daysInMonth(year: year, month: month) { day -= 7 }
            days = first + day - 1
        }
        return days * 86_400
    }

    // MARK: - Parsing

    /// Parses the rule, or nil when the text is not one.
    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.skipName(), let standardWest = scanner.offset(maxHours: 24) else { return nil }
        standard = ZoneRules.LocalTime(offsetSeconds: -standardWest, isDaylightSaving: false)
        if scanner.isAtEnd {
            daylight = nil
            return
        }
        guard scanner.skipName() else { return nil }
        let daylightWest = scanner.peek == UInt8(ascii: ",") ? standardWest - 3600 : scanner.offset(maxHours: 24)
        guard let daylightWest, scanner.skip(","), let start = scanner.yearlyDate(),
            let startSecond = scanner.transitionTime(), scanner.skip(","), let end = scanner.yearlyDate(),
            let endSecond = scanner.transitionTime(), scanner.isAtEnd
        else { return nil }
        daylight = Daylight(
            time: ZoneRules.LocalTime(offsetSeconds: -daylightWest, isDaylightSaving: true),
            start: start, startSecond: startSecond, end: end, endSecond: endSecond)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position == bytes.count }
        var peek: UInt8? { isAtEnd ? nil : bytes[position] }

        mutating func skip(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue, peek == ascii else { return false }
            position += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or `<...>` of letters, digits and signs.
        mutating func skipName() -> Bool {
            if skip("<") {
                let start = position
                while let byte = peek, byte != UInt8(ascii: ">") {
                    guard Self.isLetter(byte) || Self.isDigit(byte) || byte == 0x2B || byte == 0x2D else { return false }
                    position += 1
                }
                return position - start >= 3 && skip(">")
            }
            let start = position
            while let byte = peek, Self.isLetter(byte) { position += 1 }
            return position - start >= 3
        }

        /// `[+-]hh[:mm[:ss]]` in seconds.
        mutating func offset(maxHours: Int) -> Int? {
            var sign = 1
            if skip("-") { sign = -1 } else { _ = skip("+") }
            guard let hours = number(maxDigits: 3), hours <= maxHours else { return nil }
            var seconds = hours * 3600
            if skip(":") {
                guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
                seconds += minutes * 60
                if skip(":") {
                    guard let extra = number(maxDigits: 2), extra < 60 else { return nil }
                    seconds += extra
                }
            }
            return sign * seconds
        }

        mutating func yearlyDate() -> YearlyDate? {
            if skip("J") {
                guard let day = number(maxDigits: 3), (1...365).contains(day) else { return nil }
                return .julian(day)
            }
            if skip("M") {
                guard let month = number(maxDigits: 2), (1...12).contains(month), skip("."),
                    let week = number(maxDigits: 1), (1...5).contains(week), skip("."),
                    let weekday = number(maxDigits: 1), (0...6).contains(weekday)
                else { return nil }
                return .weekday(month: month, week: week, weekday: weekday)
            }
            guard let day = number(maxDigits: 3), (0...365).contains(day) else { return nil }
            return .zeroBased(day)
        }

        /// `/time` after a date, 02:00 when absent; RFC 8536 allows -167 to 167 hours.
        mutating func transitionTime() -> Int? {
            skip("/") ? offset(maxHours: 167) : 7200
        }

        private mutating func number(maxDigits: Int) -> Int? {
            let start = position
            var value = 0
            while let byte = peek, Self.isDigit(byte), position - start < maxDigits {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                position += 1
            }
            return position > start ? value : nil
        }

        private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    }
}
