import Foundation
import MCP
import ServerKit

/// A tool's result as the text the model reads: its text blocks (else its structured
/// content as JSON), other content named, and a very large result cut with a note that
/// says how much was left out.
struct ResultText: Equatable {
    let text: String
    /// Characters left out.
    let cut: Int

    init(_ result: CallTool.Result, limit: Int) {
        var parts: [String] = []
        for content in result.content {
            switch content {
            case .text(let text, _, _): parts.append(text)
            case .image(_, let mimeType, _, _): parts.append("[an image (\(mimeType)) the model cannot see here]")
            case .audio(_, let mimeType, _, _): parts.append("[audio (\(mimeType)) the model cannot hear here]")
            case .resource(let resource, _, _):
                parts.append(resource.text ?? "[the resource \(resource.uri) (\(resource.mimeType ?? "binary")), not text]")
            case .resourceLink(let uri, let name, _, _, _, _): parts.append("[a link to \(name): \(uri)]")
            }
        }
        if parts.isEmpty, let structured = result.structuredContent {
            parts.append(String(decoding: JSONWriter.data(structured), as: UTF8.self))
        }
        self.init(parts.joined(separator: "\n"), limit: limit)
    }

    init(_ full: String, limit: Int) {
        guard full.count > limit else {
            text = full
            cut = 0
            return
        }
        cut = full.count - limit
        text = String(full.prefix(limit)) + "\n[cut: \(cut) of \(full.count) characters not shown]"
    }
}
