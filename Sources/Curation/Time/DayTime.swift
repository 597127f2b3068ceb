/// When the listener asks: the local hour and day of the week. A prompt that names no
/// time ("something for now") is read as of this moment: a late night asks for less
/// than a Saturday afternoon.
public struct DayTime: Sendable, Equatable {
    /// 0...23, local.
    public var hour: Int
    /// 1 (Sunday) ... 7 (Saturday), as C's `tm_wday + 1`.
    public var weekday: Int

    public init(hour: Int, weekday: Int) {
        self.hour = min(max(hour, 0), 23)
        self.weekday = min(max(weekday, 1), 7)
    }

    /// The moment in the lexicon's words: "sunday morning", "late night".
    var phrase: String {
        let part =
            switch hour {
            case 5..<12: "morning"
            case 12..<17: "afternoon"
            case 17..<21: "evening"
            case 21..<24: "night"
            default: "late night"
            }
        let day = weekday == 1 ? "sunday " : weekday == 7 ? "saturday " : ""
        return day + part
    }
}

/// Where the time comes from: the system's clock in the server, a fixed one in tests.
public protocol DayClock: Sendable {
    func now() -> DayTime
}
