import Foundation
import MCP

/// A tool with its types erased, ready to be listed and called by a server.
public struct AnyTool: Sendable {
    /// What `tools/list` shows.
    public let descriptor: Tool
    private let invoke: @Sendable ([String: Value]?) async -> CallTool.Result

    public init<Input, Output>(_ definition: ToolDefinition<Input, Output>) {
        descriptor = definition.descriptor
        invoke = { arguments in
            let input: Input
            do {
                input = try ToolArguments.decode(Input.self, from: arguments)
            } catch {
                return .failure(error.toolMessage)
            }
            do {
                return try ToolArguments.result(for: try await definition.perform(input))
            } catch {
                return .failure(error.toolMessage)
            }
        }
    }

    public var name: String { descriptor.name }

    /// Validates the arguments, runs the tool and shapes its answer. Never throws:
    /// bad arguments and failures come back as results with `isError: true`.
    public func call(arguments: [String: Value]?) async -> CallTool.Result {
        await invoke(arguments)
    }
}

extension CallTool.Result {
    /// A result that tells the caller what went wrong.
    static func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.plainText(message)], isError: true)
    }
}

/// The conversions between JSON-RPC arguments and results and a tool's Swift types.
enum ToolArguments {
    static func decode<Input: ToolInput>(_ type: Input.Type, from arguments: [String: Value]?) throws -> Input {
        let normalized = try Input.schema.validate(.object(arguments ?? [:]))
        do {
            return try ValueDecoder().decode(Input.self, from: normalized)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw ToolFailure("Invalid argument `\(context.codingPath.dottedPath)`: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ToolFailure("Missing argument `\((context.codingPath + [key]).dottedPath)`.")
        }
    }

    static func result<Output: ToolOutput>(for output: Output) throws -> CallTool.Result {
        let structured = try ValueEncoder().encode(output)
        let content = output.contentBlocks ?? [.plainText(JSONWriter.string(structured))]
        return CallTool.Result(content: content, structuredContent: structured as Value?, isError: output.isFailure ? true : nil)
    }
}

extension [any CodingKey] {
    var dottedPath: String {
        var path = ""
        for key in self {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }
}
