import Foundation
import ServerKit

extension MCPService {
    /// The Clock server: the time tools, built to run remotely.
    public static func clock() -> MCPService {
        MCPService(
            name: "setlist-clock",
            title: "Setlist Clock",
            instructions: "Tells the time: the current UTC time, the time in any IANA zone, and conversions between zones.",
            tools: ClockTools.all())
    }
}
