import MCP

/// A tool's input schema in the shape every provider takes: an object at the root
/// with `properties` (also on every nested object), local `$ref`s written out in place
/// and no `$defs`, no `oneOf`/`anyOf`/`allOf` at the root. A schema someone else wrote
/// then cannot make a provider refuse the whole request.
enum SchemaAdaptation {
    /// How deep references are written out before a recursive one is cut to `{}`.
    static let maximumDepth = 8

    static func adapt(_ schema: Value) -> Value {
        guard case .object(let root) = schema else { return ["type": "object", "properties": [:]] }
        let definitions = (root["$defs"]?.objectValue ?? [:]).merging(root["definitions"]?.objectValue ?? [:]) { first, _ in first }
        // References first: a root that is a `$ref`, or alternatives that are, bring their properties.
        var adapted = flattenedRoot(inline(schema, definitions: definitions, depth: 0).objectValue ?? [:])
        for key in ["$defs", "definitions", "$schema", "$id"] { adapted[key] = nil }
        adapted["type"] = "object"
        if adapted["properties"]?.objectValue == nil { adapted["properties"] = [:] }
        return .object(adapted)
    }

    /// The root's `allOf`, `anyOf` and `oneOf` folded into its own properties: what any
    /// alternative takes is offered, what all of them need stays required.
    static func flattenedRoot(_ root: [String: Value]) -> [String: Value] {
        var root = root
        var properties = root["properties"]?.objectValue ?? [:]
        var required = Set(root["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        if case .array(let parts)? = root.removeValue(forKey: "allOf") {
            for case .object(let part) in parts {
                properties.merge(part["properties"]?.objectValue ?? [:]) { first, _ in first }
                required.formUnion(part["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            }
        }
        for key in ["anyOf", "oneOf"] {
            guard case .array(let alternatives)? = root.removeValue(forKey: key) else { continue }
            var common: Set<String>?
            for case .object(let alternative) in alternatives {
                properties.merge(alternative["properties"]?.objectValue ?? [:]) { first, _ in first }
                let needs = Set(alternative["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                common = common.map { $0.intersection(needs) } ?? needs
            }
            required.formUnion(common ?? [])
        }
        if !properties.isEmpty || root["properties"] != nil { root["properties"] = .object(properties) }
        if !required.isEmpty { root["required"] = .array(required.sorted().map { .string($0) }) }
        return root
    }

    /// The schema with every local reference replaced by what it names, and an empty
    /// `properties` on every object schema that has none.
    static func inline(_ schema: Value, definitions: [String: Value], depth: Int) -> Value {
        switch schema {
        case .object(var members):
            if let reference = members["$ref"]?.stringValue {
                members["$ref"] = nil
                let name = reference.split(separator: "/").last.map(String.init) ?? ""
                guard depth < maximumDepth, reference.hasPrefix("#/"), let target = definitions[name]?.objectValue else {
                    return .object(members.isEmpty ? [:] : members)
                }
                members.merge(target) { own, _ in own }
                return inline(.object(members), definitions: definitions, depth: depth + 1)
            }
            var adapted = members.mapValues { inline($0, definitions: definitions, depth: depth) }
            for key in ["$defs", "definitions"] { adapted[key] = nil }
            if adapted["type"]?.stringValue == "object", adapted["properties"] == nil, adapted["additionalProperties"] == nil {
                adapted["properties"] = [:]
            }
            return .object(adapted)
        case .array(let elements):
            return .array(elements.map { inline($0, definitions: definitions, depth: depth) })
        default:
            return schema
        }
    }
}
