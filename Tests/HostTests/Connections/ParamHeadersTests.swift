import MCP
import Testing

@testable import Host

/// The tool parameters a modern call over HTTP mirrors into `Mcp-Param-*` headers, and
/// the annotations that leave a tool out.
@Suite struct ParamHeadersTests {
    static func schema(_ properties: Value) -> Value { ["type": "object", "properties": properties] }

    static func fields(_ schema: Value, _ arguments: [String: Value]) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try ParamHeaders(schema: schema).fields(for: arguments))
    }

    // MARK: - Mirroring

    @Test func markedParametersAreMirroredAsTheRevisionEncodesThem() throws {
        let schema = Self.schema([
            "region": ["type": "string", "x-mcp-header": "Region"],
            "query": ["type": "string"],
            "limit": ["type": "integer", "x-mcp-header": "Limit"],
            "dry": ["type": "boolean", "x-mcp-header": "Dry-Run"],
            "target": ["type": "object", "properties": ["tenant": ["type": "string", "x-mcp-header": "Tenant"]]],
        ])
        let arguments: [String: Value] = [
            "region": "us-west1", "query": "SELECT 1", "limit": 42, "dry": false, "target": ["tenant": "Zürich"],
        ]
        #expect(
            try Self.fields(schema, arguments) == [
                "Mcp-Param-Region": "us-west1", "Mcp-Param-Limit": "42", "Mcp-Param-Dry-Run": "false",
                "Mcp-Param-Tenant": "=?base64?WsO8cmljaA==?=",
            ])
        // A whole number that arrived as a double is written as an integer.
        #expect(try Self.fields(schema, ["limit": .double(7)]) == ["Mcp-Param-Limit": "7"])
    }

    @Test func aParameterWithoutAValueHasNoHeader() throws {
        let schema = Self.schema([
            "region": ["type": "string", "x-mcp-header": "Region"],
            "target": ["type": "object", "properties": ["tenant": ["type": "string", "x-mcp-header": "Tenant"]]],
        ])
        #expect(try Self.fields(schema, [:]).isEmpty)
        #expect(try Self.fields(schema, ["region": .null, "target": "not an object"]).isEmpty)
        #expect(try ParamHeaders(schema: ["type": "object"]).mirrored.isEmpty)
    }

    @Test func aCallMirrorsItsToolsParametersBesideItsName() throws {
        let parameters = try ParamHeaders(schema: Self.schema(["region": ["type": "string", "x-mcp-header": "Region"]]))
        let call: Value = ["jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": ["name": "sql", "arguments": ["region": " eu "]]]
        let fields = Dictionary(uniqueKeysWithValues: ModernHeaders.fields(for: call, mirroring: parameters))
        #expect(fields["Mcp-Name"] == "sql" && fields["Mcp-Param-Region"] == "=?base64?IGV1IA==?=")
        // Only a call mirrors parameters.
        let list: Value = ["jsonrpc": "2.0", "id": 3, "method": "tools/list", "params": ["arguments": ["region": "eu"]]]
        #expect(!ModernHeaders.fields(for: list, mirroring: parameters).contains { $0.0.hasPrefix("Mcp-Param-") })
    }

    // MARK: - Invalid annotations

    @Test(arguments: [
        ("on the root", ["type": "object", "x-mcp-header": "Root"] as Value),
        ("under items", Self.schema(["list": ["type": "array", "items": ["type": "string", "x-mcp-header": "Item"]]])),
        ("under anyOf", Self.schema(["choice": ["anyOf": [["type": "string", "x-mcp-header": "Choice"]]]])),
        ("in $defs", ["type": "object", "$defs": ["region": ["type": "string", "x-mcp-header": "Region"]]] as Value),
        ("empty", Self.schema(["region": ["type": "string", "x-mcp-header": ""]])),
        ("not a token", Self.schema(["region": ["type": "string", "x-mcp-header": "Re gion"]])),
        ("a line break", Self.schema(["region": ["type": "string", "x-mcp-header": "Region\r\nX-Evil"]])),
        ("not ASCII", Self.schema(["region": ["type": "string", "x-mcp-header": "Régión"]])),
        ("not a string", Self.schema(["region": ["type": "string", "x-mcp-header": 7]])),
        ("on a number", Self.schema(["ratio": ["type": "number", "x-mcp-header": "Ratio"]])),
        ("on an untyped property", Self.schema(["any": ["x-mcp-header": "Any"]])),
        ("on a type list", Self.schema(["maybe": ["type": ["string", "null"], "x-mcp-header": "Maybe"]])),
        (
            "twice, whatever the case",
            Self.schema(["a": ["type": "string", "x-mcp-header": "Region"], "b": ["type": "string", "x-mcp-header": "region"]])
        ),
    ])
    func anInvalidAnnotationBreaksTheTool(_ placement: String, _ schema: Value) {
        #expect(throws: ParamHeaders.Invalid.self, "\(placement)") { _ = try ParamHeaders(schema: schema) }
    }

    @Test func dataThatLooksLikeAnAnnotationIsNotOne() throws {
        let schema = Self.schema(["region": ["type": "string", "default": ["x-mcp-header": "Nope"], "enum": [["x-mcp-header": "Nope"]]]])
        #expect(try ParamHeaders(schema: schema).mirrored.isEmpty)
    }

    @Test func aListingLeavesOutOnlyTheToolsThatBreakTheRules() throws {
        let good = Tool(name: "sql", description: nil, inputSchema: Self.schema(["region": ["type": "string", "x-mcp-header": "Region"]]))
        let plain = Tool(name: "echo", description: nil, inputSchema: Self.schema(["text": ["type": "string"]]))
        let bad = Tool(name: "ratio", description: nil, inputSchema: Self.schema(["ratio": ["type": "number", "x-mcp-header": "Ratio"]]))
        let screened = ParamHeaders.screen([good, bad, plain])
        #expect(screened.tools.map(\.name) == ["sql", "echo"])
        #expect(screened.headers["sql"]?.mirrored == [.init(path: ["region"], name: "Region")])
        #expect(screened.headers["echo"]?.mirrored == [])
        #expect(screened.leftOut["ratio"]?.reason.contains("ratio") == true)
    }
}
