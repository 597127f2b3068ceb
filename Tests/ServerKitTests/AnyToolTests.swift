import Foundation
import MCP
import Testing

@testable import ServerKit

/// A small tool declared the way Setlist's servers declare theirs.
private enum Echo {
    struct Input: ToolInput {
        let text: String
        let times: Int
        static let schema = JSONSchema.object([
            "text": .string("What to repeat"),
            "times": .integer("How often", minimum: 1, maximum: 5).defaulting(to: 2),
        ])
    }

    struct Output: ToolOutput {
        let echoed: String
        static let outputSchema = JSONSchema.object(["echoed": .string()])
    }

    static let definition = ToolDefinition<Input, Output>(
        name: "echo", title: "Echo", description: "Repeats text.", annotations: .readOnly
    ) { input in
        if input.text == "fail" { throw ToolFailure("Cannot echo 'fail': pick another word.") }
        return Output(echoed: String(repeating: input.text, count: input.times))
    }
}

@Suite struct AnyToolTests {
    let tool = AnyTool(Echo.definition)

    @Test func describesItselfWithBothSchemasAndAnnotations() {
        let descriptor = tool.descriptor
        #expect(descriptor.name == "echo")
        #expect(descriptor.title == "Echo")
        #expect(descriptor.inputSchema == Echo.Input.schema.value)
        #expect(descriptor.outputSchema == Echo.Output.outputSchema.value)
        #expect(descriptor.annotations.readOnlyHint == true)
        #expect(descriptor.annotations.title == "Echo")
    }

    @Test func answersWithStructuredContentAndTheSameJSONAsText() async throws {
        let result = await tool.call(arguments: ["text": "la"])
        #expect(result.isError == nil)
        #expect(result.structuredContent == ["echoed": "lala"])
        guard case .text(let text, _, _) = result.content.first else {
            Issue.record("expected a text block")
            return
        }
        let reparsed = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        #expect(reparsed == result.structuredContent)
    }

    @Test func refusesBadArgumentsAsAToolResult() async {
        let result = await tool.call(arguments: ["text": "la", "times": 9])
        #expect(result.isError == true)
        #expect(result.content == [.plainText("Invalid argument `times`: expected an integer from 1 to 5, got 9.")])
    }

    @Test func treatsMissingArgumentsAsAnEmptyObject() async {
        let result = await tool.call(arguments: nil)
        #expect(result.isError == true)
        #expect(result.content == [.plainText("Invalid argument `text`: expected a string, got nothing (it is required).")])
    }

    @Test func turnsAThrownFailureIntoAnErrorResult() async {
        let result = await tool.call(arguments: ["text": "fail"])
        #expect(result.isError == true)
        #expect(result.content == [.plainText("Cannot echo 'fail': pick another word.")])
        #expect(result.structuredContent == nil)
    }

    @Test func keepsOutputStringsThatLookLikeDataURLs() async {
        let result = await tool.call(arguments: ["text": "data:,x", "times": 1])
        #expect(result.structuredContent == ["echoed": .string("data:,x")])
    }

    @Test func aServiceRefusesUnknownToolsAsJSONRPCErrors() async {
        let service = MCPService(name: "test", tools: [tool])
        await #expect(throws: JSONRPCError.self) {
            _ = try await service.callTool(named: "missing", arguments: nil)
        }
    }
}
