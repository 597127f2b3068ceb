import MCP
import ServerKit

/// The parameters of one tool that its `inputSchema` marks with `x-mcp-header`: a
/// modern-era `tools/call` over HTTP mirrors each of their values into an
/// `Mcp-Param-{Name}` header, so that gateways can route on them without reading the
/// body. A modern server refuses a call whose headers are missing or differ from the
/// arguments (`HeaderMismatch`, -32020); a tool whose annotation breaks the rules of
/// revision 2026-07-28 is one a client must leave out, so none of its calls is sent.
struct ParamHeaders: Sendable, Equatable {
    /// One marked parameter: where it is in the arguments, and the header it goes to.
    struct Mirrored: Sendable, Equatable {
        /// The chain of `properties` keys from the schema's root to the parameter.
        var path: [String]
        /// `{Name}` in `Mcp-Param-{Name}`, as the annotation spells it.
        var name: String
    }

    /// Why a tool's annotation breaks the rules.
    struct Invalid: Error, Equatable, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The marked parameters, by path.
    var mirrored: [Mirrored]

    static let annotation = "x-mcp-header"
    static let prefix = "Mcp-Param-"

    // MARK: - Reading the schema

    /// Reads the annotations of a tool's `inputSchema`. Each must sit on a property
    /// reached from the root through `properties` alone, be an HTTP token (RFC 9110),
    /// sit on a property of type `string`, `integer` or `boolean`, and be unique
    /// whatever its case; any other breaks the whole tool.
    init(schema: Value) throws(Invalid) {
        var mirrored: [Mirrored] = []
        var seen: [String: String] = [:]
        for (path, position) in Self.positions(in: schema) {
            guard let annotation = position[Self.annotation] else { continue }
            guard let path, !path.isEmpty else {
                throw Invalid(reason: "\(Self.annotation) is on a schema that is not reached from the root through properties alone")
            }
            let property = path.joined(separator: ".")
            guard let name = annotation.stringValue else {
                throw Invalid(reason: "\(Self.annotation) of property \(property) is not a string")
            }
            guard Self.isToken(name) else {
                throw Invalid(reason: "\(Self.annotation) \"\(name)\" of property \(property) is not an HTTP header name token")
            }
            guard let type = position["type"]?.stringValue, ["string", "integer", "boolean"].contains(type) else {
                throw Invalid(reason: "\(Self.annotation) is on property \(property), whose type is not string, integer or boolean")
            }
            if let other = seen.updateValue(property, forKey: name.lowercased()) {
                throw Invalid(reason: "\(Self.annotation) \"\(name)\" is on both property \(other) and property \(property)")
            }
            mirrored.append(Mirrored(path: path, name: name))
        }
        self.mirrored = mirrored.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// The keywords of JSON Schema 2020-12 whose value is a schema, or holds schemas.
    /// Crossing any of them (unlike `properties`) leaves the statically reachable chain.
    /// `$ref` is not followed: an annotation behind it is not statically reachable.
    private static let oneSchema: Set<String> = [
        "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "not", "if", "then",
        "else", "contentSchema",
    ]
    private static let schemaList: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    private static let schemaMap: Set<String> = ["patternProperties", "dependentSchemas", "$defs", "definitions"]

    /// Every schema in `root`, each with its chain of `properties` keys from the root,
    /// or `nil` once another keyword was crossed. Data keywords (`default`, `const`,
    /// `examples`, `enum`) are not entered, so data is never read as an annotation.
    private static func positions(in root: Value) -> [(path: [String]?, schema: [String: Value])] {
        var found: [(path: [String]?, schema: [String: Value])] = []
        var pending: [(path: [String]?, node: Value)] = [([], root)]
        while let (path, node) = pending.popLast() {
            guard case .object(let schema) = node else { continue }
            found.append((path, schema))
            for (keyword, value) in schema {
                if keyword == "properties", case .object(let properties) = value {
                    for (key, property) in properties { pending.append((path.map { $0 + [key] }, property)) }
                } else if oneSchema.contains(keyword) {
                    pending.append((nil, value))
                } else if schemaList.contains(keyword), case .array(let schemas) = value {
                    pending += schemas.map { (nil, $0) }
                } else if schemaMap.contains(keyword), case .object(let schemas) = value {
                    pending += schemas.values.map { (nil, $0) }
                }
            }
        }
        return found
    }

    /// Whether `name` is a `token` of RFC 9110: one or more of `tchar`.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }

    // MARK: - Mirroring a call

    /// The `Mcp-Param-*` headers a call with `arguments` carries: one for each marked
    /// parameter that has a value, encoded as a header can carry it. A parameter that
    /// is absent or `null` has none, as the revision says.
    func fields(for arguments: [String: Value]) -> [(String, String)] {
        mirrored.compactMap { parameter in
            var node = Value.object(arguments)
            for key in parameter.path {
                guard let next = node.objectValue?[key] else { return nil }
                node = next
            }
            return Self.text(of: node).map { (Self.prefix + parameter.name, HeaderValueEncoding.encoded($0)) }
        }
    }

    /// A value as the header writes it: a string as it is, an integer in decimal (a
    /// whole number sent as a double too, as JSON does not tell them apart), a boolean
    /// as `true` or `false`; `nil` for what has no such form (null, arrays, objects).
    static func text(of value: Value) -> String? {
        switch value {
        case .string(let string): string
        case .int(let integer): String(integer)
        case .bool(let bool): bool ? "true" : "false"
        case .double(let double):
            if double == double.rounded(), abs(double) <= 9_007_199_254_740_991 { String(Int(double)) } else { String(double) }
        default: nil
        }
    }
}

// MARK: - A listing

extension ParamHeaders {
    /// What a modern-era `tools/list` over HTTP leaves: the tools to offer, the headers
    /// each one's calls mirror, and the tools left out, with why.
    struct Screened: Sendable {
        var tools: [Tool]
        var headers: [String: ParamHeaders]
        var leftOut: [String: Invalid]
    }

    /// Sorts a listing's tools into those whose annotations keep the rules, with their
    /// headers, and those that break them, which are left out so that the others can
    /// still be used.
    static func screen(_ tools: [Tool]) -> Screened {
        var screened = Screened(tools: [], headers: [:], leftOut: [:])
        for tool in tools {
            do {
                screened.headers[tool.name] = try ParamHeaders(schema: tool.inputSchema)
                screened.tools.append(tool)
            } catch {
                screened.leftOut[tool.name] = error
            }
        }
        return screened
    }
}
