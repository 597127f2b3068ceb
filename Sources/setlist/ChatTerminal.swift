import ArgumentParser
import Foundation
import Host
import MCP
import ServerKit

/// What `setlist chat` shows: the model's text on standard output as it streams, tool
/// calls and notes on standard error, and `-p --json`'s one object for scripts. Every
/// write goes straight to its file, so nothing waits in a buffer.
enum ChatTerminal {
    static func show(_ event: ChatSession.Event) {
        switch event {
        case .text(let text):
            say(text)
        case .turnEnded(let hadText):
            if hadText { say("\n") }
        case .toolStarted(let server, let tool, _):
            note("→ \(server).\(tool)")
        case .toolProgress(let server, let tool, let progress):
            if let message = progress.message { note("  \(server).\(tool): \(message)") }
        case .toolFinished(let server, let tool, let isError, let cut):
            note("\(isError ? "✗" : "✓") \(server).\(tool)" + (cut > 0 ? " (\(cut) characters cut for the model)" : ""))
        case .toolDenied(let server, let tool):
            note("✗ \(server).\(tool): not allowed")
        }
    }

    /// Text for standard output, as it is.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    /// A line of standard input, read off the tasks' threads; `nil` at its end.
    static func readLine() async -> String? {
        await onOwnThread { Swift.readLine() }
    }

    /// Says why the chat failed, on standard error or as JSON, and ends it with exit code 1.
    static func fail(_ message: String, json: Bool) -> ExitCode {
        if json {
            say(encode(["error": message]) + "\n")
        } else {
            note("Error: \(message)")
        }
        return ExitCode(1)
    }

    static func json(_ reply: ChatReply, model: String, maxSteps: Int) -> String {
        var object: [String: Any] = [
            "answer": reply.text, "model": model, "steps": reply.steps,
            "tool_calls": reply.calls.map { ["server": $0.server, "tool": $0.tool, "is_error": $0.isError] as [String: Any] },
        ]
        switch reply.outcome {
        case .answered: object["stopped"] = "answered"
        case .stepLimit(let pending):
            object["stopped"] = "step_limit"
            object["pending"] = pending
        case .truncated: object["stopped"] = "max_tokens"
        }
        return encode(object)
    }

    private static func encode(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
