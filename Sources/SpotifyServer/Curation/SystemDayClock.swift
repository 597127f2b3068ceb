import Curation
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The machine's local time, for prompts that name none.
public struct SystemDayClock: DayClock {
    public init() {}

    public func now() -> DayTime {
        var seconds = time(nil)
        var local = tm()
        localtime_r(&seconds, &local)
        return DayTime(hour: Int(local.tm_hour), weekday: Int(local.tm_wday) + 1)
    }
}
