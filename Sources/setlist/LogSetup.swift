import Foundation
import Logging

/// Logging for the `setlist` process.
enum LogSetup {
    /// Sends every log line to standard error, which is free for logs even when
    /// standard output carries the MCP protocol. The level comes from `SETLIST_LOG_LEVEL`.
    static func standardError(label: String) -> Logger {
        let level = ProcessInfo.processInfo.environment["SETLIST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StandardErrorLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}

/// One line per message on standard error: time, level, label, metadata, message.
///
/// Metadata is formatted only when a line is written. swift-log's `StreamLogHandler`
/// formats it whenever it changes, and the HTTP server sets a request id on every
/// request, so that work was paid on every call even with nothing logged.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = "\(Self.utcTimestamp()) \(event.level) \(label):\(fields.isEmpty ? "" : " " + fields) [\(event.source)] \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `2026-11-27T06:26:49Z`, from the C library: a log line needs no calendar or
    /// time zone machinery (Foundation's formatters load ICU's time zone data).
    static func utcTimestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var text = [CChar](repeating: 0, count: 32)
        let length = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: text.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
