import MCP
import Testing

@testable import ServerKit

@Suite struct ModernResultsTests {
    static let results = ModernResults(serverInfo: ["name": "setlist-test", "version": "1"])

    @Test func everyResultSaysItIsCompleteAndWhichServerGaveIt() {
        let stamped = Self.results.stamped(["content": [], "_meta": ["trace": "kept"]], method: "tools/call")
        #expect(stamped.objectValue?["resultType"] == "complete")
        #expect(stamped.objectValue?["_meta"] == ["trace": "kept", "io.modelcontextprotocol/serverInfo": ["name": "setlist-test", "version": "1"]])
        #expect(stamped.objectValue?["ttlMs"] == nil && stamped.objectValue?["content"] == [])
    }

    @Test(arguments: ["server/discover", "tools/list", "prompts/list", "resources/templates/list", "resources/list", "resources/read"])
    func whatAClientMayKeepSaysForHowLong(method: String) {
        let stamped = Self.results.stamped(.object([:]), method: method).objectValue ?? [:]
        #expect(stamped["cacheScope"] == "private")
        #expect(stamped["ttlMs"] == (method.hasPrefix("resources/") && method != "resources/templates/list" ? 0 : 300_000))
    }

    @Test func anEncodedResultIsStampedTheSame() throws {
        let data = Self.results.stamped(json: Array(#"{"tools":[]}"#.utf8), method: "tools/list")
        #expect(try JSONParser.parse(data) == Self.results.stamped(["tools": []], method: "tools/list"))
    }
}

extension ModernResultsTests {
    @Test(arguments: [
        ["content": [["type": "text", "text": "hi"]], "isError": false] as Value,
        [:] as Value,
        ["content": [], "_meta": ["trace": "kept"]] as Value,
    ])
    func aToolsAnswerIsWrittenWithTheSameMembersAsTheStampedValue(result: Value) throws {
        let written = Self.results.stampedData(result, method: "tools/call")
        #expect(try JSONParser.parse(written) == Self.results.stamped(result, method: "tools/call"))
    }
}
