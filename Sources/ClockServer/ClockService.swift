import Foundation
import Logging
import ServerKit

extension MCPService {
    /// The Clock server: the time tools, built to run remotely.
    ///
    /// - Parameter logger: told when `$TZ` names no zone the tools accept, and which
    ///   zone the tool descriptions suggest instead.
    public static func clock(logger: Logger) -> MCPService {
        if let reason = ClockTools.localZone.unusableTZ {
            logger.warning(
                "\(reason); the time tools suggest \(ClockTools.localZone.name) as the local zone instead. Set TZ to an IANA name such as Europe/Madrid, or unset it, to change that."
            )
        }
        return MCPService(
            name: "setlist-clock",
            title: "Setlist Clock",
            instructions: "Tells the time: the current UTC time, the time in any IANA zone, and conversions between zones.",
            tools: ClockTools.all())
    }
}
