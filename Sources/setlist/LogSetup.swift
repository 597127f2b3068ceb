import Foundation
import Logging

/// Logging for the `setlist` process.
enum LogSetup {
    /// Sends every log line to standard error, which is free for logs even when
    /// standard output carries the MCP protocol. The level comes from `SETLIST_LOG_LEVEL`.
    static func standardError(label: String) -> Logger {
        let level = ProcessInfo.processInfo.environment["SETLIST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}
