import MCP
import Testing

@testable import ServerKit

@Suite struct JSONSchemaTests {
    let schema = JSONSchema.object([
        "path": .string("Where"),
        "head": .integer("First lines", minimum: 1).optional,
        "mode": .string(oneOf: ["name", "size"]).defaulting(to: "name"),
        "edits": .array(of: .object(["oldText": .string(), "newText": .string()])).optional,
        "tags": .array(of: .string(), minItems: 1, maxItems: 2).optional,
    ])

    // MARK: - Rendering

    @Test func rendersRequiredMembersDefaultsAndClosedObjects() throws {
        let rendered = try #require(schema.value.objectValue)
        #expect(rendered["type"] == "object")
        #expect(rendered["required"] == .array(["path"]))
        #expect(rendered["additionalProperties"] == false)
        let properties = try #require(rendered["properties"]?.objectValue)
        #expect(properties["head"] == ["type": "integer", "minimum": 1, "description": "First lines"])
        #expect(properties["mode"] == ["type": "string", "enum": ["name", "size"], "default": "name"])
        #expect(properties["edits"]?.objectValue?["items"]?.objectValue?["required"] == .array(["oldText", "newText"]))
        #expect(properties["tags"] == ["type": "array", "items": ["type": "string"], "minItems": 1, "maxItems": 2])
    }

    @Test func anEmptyObjectHasNoRequiredList() {
        #expect(JSONSchema.empty.value == ["type": "object", "properties": [:], "additionalProperties": false])
    }

    // MARK: - Validation

    @Test func fillsDefaultsAndNormalizesIntegralNumbers() throws {
        let checked = try schema.validate(["path": "a.txt", "head": .double(3)])
        #expect(checked == ["path": "a.txt", "head": 3, "mode": "name"])
    }

    @Test func treatsNullAsAbsent() throws {
        let checked = try schema.validate(["path": "a.txt", "head": .null])
        #expect(checked == ["path": "a.txt", "mode": "name"])
    }

    @Test(arguments: [
        (Value.object([:]), "`path`: expected a string, got nothing (it is required)"),
        (Value.object(["path": 7]), "`path`: expected a string, got 7"),
        (Value.object(["path": "a", "head": 0]), "`head`: expected an integer ≥ 1, got 0"),
        (Value.object(["path": "a", "head": 1.5]), "`head`: expected an integer ≥ 1, got 1.5"),
        (Value.object(["path": "a", "mode": "date"]), "`mode`: expected one of \"name\", \"size\", got \"date\""),
        (Value.object(["path": "a", "edits": [["oldText": "x"]]]), "`edits[0].newText`: expected a string, got nothing"),
        (Value.object(["path": "a", "colour": "red"]), "`colour`: expected nothing (unknown name; accepted: path, head, mode, edits, tags)"),
        (Value.object(["path": "a", "tags": ["x", "y", "z"]]), "`tags`: expected an array of at most 2 items"),
        (Value.object(["path": "a", "tags": []]), "`tags`: expected an array of at least 1 item"),
        (Value.array([]), "the arguments: expected an object, got an array of 0"),
    ] as [(Value, String)])
    func namesTheFieldAndWhatWasExpected(arguments: Value, message: String) {
        #expect {
            _ = try schema.validate(arguments)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func keepsDataURLShapedStringsAsText() throws {
        // The SDK decodes such strings into `.data`; for a tool they are still text.
        let decoded = try JSONDecoder().decode(Value.self, from: Data(#""data:text/plain;base64,aGk=""#.utf8))
        let checked = try JSONSchema.string().validate(decoded)
        #expect(checked == .string("data:text/plain;base64,aGk="))
    }
}

import Foundation
