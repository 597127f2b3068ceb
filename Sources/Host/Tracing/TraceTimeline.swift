import Foundation
import MCP
import ServerKit

/// A trace read back as a timeline: each request with how long its answer took, and
/// the notifications between, in the order they passed.
public struct TraceTimeline: Sendable {
    public struct Line: Sendable, Equatable {
        public var elapsed: Double
        public var server: String
        public var text: String
        /// Seconds until the answer, for requests that got one.
        public var latency: Double?
    }

    public let lines: [Line]
    /// Lines of the file that could not be read.
    public let unreadable: Int

    public init(jsonLines text: String) {
        struct Pending {
            var index: Int
            var elapsed: Double
            var what: String
        }
        var lines: [Line] = []
        var pending: [String: Pending] = [:]
        var unreadable = 0
        for raw in text.split(whereSeparator: \.isNewline) {
            guard case .object(let entry)? = try? JSONParser.parse(Data(raw.utf8)), let server = entry["server"]?.stringValue,
                let elapsed = entry["elapsed"]?.numericValue, case .object(let message)? = entry["message"]
            else {
                unreadable += 1
                continue
            }
            let sent = entry["direction"]?.stringValue == "sent"
            let id = message["id"].map { "\(server) \(JSONWriter.string($0))" }
            if let method = message["method"]?.stringValue {
                var text = (sent ? "→ " : "← ") + method
                if method == "tools/call", let tool = message["params"]?.objectValue?["name"]?.stringValue { text += " \(tool)" }
                if let id, sent { pending[id] = Pending(index: lines.count, elapsed: elapsed, what: String(text.dropFirst(2))) }
                lines.append(Line(elapsed: elapsed, server: server, text: text, latency: nil))
            } else if let id, let request = pending.removeValue(forKey: id) {
                lines[request.index].latency = elapsed - request.elapsed
                let failed = message["error"] != nil || message["result"]?.objectValue?["isError"] == .bool(true)
                lines.append(Line(elapsed: elapsed, server: server, text: (failed ? "← error: " : "← answer: ") + request.what, latency: nil))
            }
        }
        self.lines = lines
        self.unreadable = unreadable
    }

    /// The timeline as text, a line a message: `+0.012 s  spotify  → tools/call whoami  (4.1 ms)`.
    public var text: String {
        let width = lines.map(\.server.count).max() ?? 0
        var output = lines.map { line in
            let latency = line.latency.map { String(format: "  (%.1f ms)", $0 * 1_000) } ?? ""
            return String(format: "+%8.3f s  ", line.elapsed) + line.server.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + line.text + latency
        }
        if unreadable > 0 { output.append("(\(unreadable) lines could not be read)") }
        return output.joined(separator: "\n")
    }
}
