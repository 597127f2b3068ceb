import MCP
import Testing

@testable import Host

@Suite struct SchemaAdaptationTests {
    @Test func aMissingOrEmptySchemaBecomesAnObjectWithProperties() {
        #expect(SchemaAdaptation.adapt(.null) == ["type": "object", "properties": [:]])
        #expect(SchemaAdaptation.adapt(["type": "object"]) == ["type": "object", "properties": [:]])
    }

    @Test func localReferencesAreWrittenOutAndDefinitionsDropped() {
        let schema: Value = [
            "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
            "properties": ["where": ["$ref": "#/$defs/Place"], "when": ["$ref": "#/definitions/Moment"]],
            "$defs": ["Place": ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]],
            "definitions": ["Moment": ["type": "string", "format": "date-time"]],
        ]
        let adapted = SchemaAdaptation.adapt(schema)
        #expect(adapted == [
            "type": "object",
            "properties": [
                "where": ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]],
                "when": ["type": "string", "format": "date-time"],
            ],
        ])
    }

    @Test func aRootThatIsAReferenceKeepsTheProperties() {
        let schema: Value = [
            "$ref": "#/definitions/Args",
            "definitions": ["Args": ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]],
            "$schema": "http://json-schema.org/draft-07/schema#",
        ]
        #expect(SchemaAdaptation.adapt(schema) == ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    }

    @Test func aRecursiveReferenceIsCutInsteadOfLoopingForever() {
        let schema: Value = [
            "type": "object", "properties": ["node": ["$ref": "#/$defs/Node"]],
            "$defs": ["Node": ["type": "object", "properties": ["next": ["$ref": "#/$defs/Node"]]]],
        ]
        let adapted = SchemaAdaptation.adapt(schema)
        #expect(!"\(adapted)".contains("$ref"))
        var depth = 0
        var node = adapted.objectValue?["properties"]?.objectValue?["node"]
        while let next = node?.objectValue?["properties"]?.objectValue?["next"] {
            depth += 1
            node = next
        }
        #expect(depth == SchemaAdaptation.maximumDepth)
    }

    @Test func rootAlternativesAreFoldedIntoOneObject() {
        let schema: Value = [
            "oneOf": [
                ["type": "object", "properties": ["id": ["type": "string"], "kind": ["type": "string"]], "required": ["id", "kind"]],
                ["type": "object", "properties": ["url": ["type": "string"], "kind": ["type": "string"]], "required": ["url", "kind"]],
            ]
        ]
        let adapted = SchemaAdaptation.adapt(schema).objectValue ?? [:]
        #expect(adapted["oneOf"] == nil)
        #expect(adapted["type"] == "object")
        #expect(Set(adapted["properties"]?.objectValue?.keys.map { $0 } ?? []) == ["id", "url", "kind"])
        #expect(adapted["required"] == ["kind"])
    }

    @Test func nestedObjectsGetProperties() {
        let adapted = SchemaAdaptation.adapt(["type": "object", "properties": ["options": ["type": "object"]]])
        #expect(adapted.objectValue?["properties"]?.objectValue?["options"] == ["type": "object", "properties": [:]])
    }
}
