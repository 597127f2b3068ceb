import Foundation
import MCP
import ServerKit

/// A conversation as every provider sees it, whatever its wire shape: what the user
/// said, what the model answered (text and tool calls), and what the tools returned.
public enum ChatMessage: Sendable, Equatable {
    case user(String)
    case assistant(ModelTurn)
    case toolResults([ModelToolResult])
}

/// One answer of the model: its text, the tools it asks for, and why it stopped.
public struct ModelTurn: Sendable, Equatable {
    public var text: String
    public var toolCalls: [ModelToolCall]
    public var stopReason: StopReason

    public init(text: String, toolCalls: [ModelToolCall] = [], stopReason: StopReason = .finished) {
        self.text = text
        self.toolCalls = toolCalls
        self.stopReason = stopReason
    }
}

/// Why the model stopped answering.
public enum StopReason: Sendable, Equatable {
    /// It said all it had to say.
    case finished
    /// It waits for the results of the tools it called.
    case toolUse
    /// It ran out of its token budget mid-answer.
    case maxTokens
    /// It stopped for any other reason (content filter, a stop sequence).
    case other
}

/// A tool the model asks to run, under the name the model knows it by.
public struct ModelToolCall: Sendable, Equatable {
    /// The provider's id for the call, which its result must quote.
    public var id: String
    public var name: String
    public var arguments: [String: Value]
    /// Why the arguments the model wrote could not be read, if they could not: the
    /// model is told, and the tool does not run.
    public var malformedArguments: String?

    public init(id: String, name: String, arguments: [String: Value], malformedArguments: String? = nil) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.malformedArguments = malformedArguments
    }

    /// A call whose arguments came as JSON text (streamed, or OpenAI's `arguments`).
    static func parsing(id: String, name: String, json: String) -> ModelToolCall {
        if json.allSatisfy(\.isWhitespace) { return ModelToolCall(id: id, name: name, arguments: [:]) }
        guard case .object(let arguments)? = try? JSONParser.parse(Data(json.utf8)) else {
            return ModelToolCall(id: id, name: name, arguments: [:], malformedArguments: "the arguments are not a JSON object: \(json.prefix(200))")
        }
        return ModelToolCall(id: id, name: name, arguments: arguments)
    }
}

/// What a tool call returned, as text for the model.
public struct ModelToolResult: Sendable, Equatable {
    public var callID: String
    public var text: String
    public var isError: Bool

    public init(callID: String, text: String, isError: Bool) {
        self.callID = callID
        self.text = text
        self.isError = isError
    }
}

/// A tool as offered to the model: a provider-safe name, what it does, and the
/// schema of its input adapted to what the provider accepts.
public struct ModelTool: Sendable, Equatable {
    public var name: String
    public var description: String
    public var inputSchema: Value

    public init(name: String, description: String, inputSchema: Value) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }
}

/// Everything one model call needs.
public struct ModelRequest: Sendable {
    public var system: String
    public var messages: [ChatMessage]
    public var tools: [ModelTool]
    /// The answer's token budget: Anthropic requires one; OpenAI-compatible servers keep
    /// their own (OpenAI's newer models refuse the old `max_tokens`).
    public var maxTokens: Int

    public init(system: String, messages: [ChatMessage], tools: [ModelTool], maxTokens: Int = 4_096) {
        self.system = system
        self.messages = messages
        self.tools = tools
        self.maxTokens = maxTokens
    }
}
