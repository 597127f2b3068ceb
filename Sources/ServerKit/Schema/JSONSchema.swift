import MCP

/// A JSON Schema, small enough to write by hand next to the Swift type it describes.
///
/// Tools declare their input and output with it once; ServerKit renders it into the
/// `inputSchema`/`outputSchema` that clients see and validates incoming arguments
/// against the same value, so the published schema and the checks never drift apart.
public struct JSONSchema: Sendable, Hashable {
    /// The shape of a value.
    public indirect enum Kind: Sendable, Hashable {
        case string(allowed: [String]?, minLength: Int?)
        case integer(minimum: Int?, maximum: Int?)
        case number(minimum: Double?, maximum: Double?)
        case boolean
        case array(items: JSONSchema, minItems: Int?, maxItems: Int?)
        case object(properties: [Property])
        /// Any JSON value.
        case anything
    }

    /// One named member of an object schema.
    public struct Property: Sendable, Hashable {
        public var name: String
        public var schema: JSONSchema
    }

    public var kind: Kind
    public var description: String?
    /// The value used when an optional property is absent; published as `default`.
    public var defaultValue: Value?
    /// Whether an object may omit this property. Only meaningful inside `.object`.
    public var isOptional: Bool

    public init(_ kind: Kind, description: String? = nil, defaultValue: Value? = nil, isOptional: Bool = false) {
        self.kind = kind
        self.description = description
        self.defaultValue = defaultValue
        self.isOptional = isOptional
    }
}

// MARK: - Building schemas

extension JSONSchema {
    public static func string(_ description: String? = nil, oneOf allowed: [String]? = nil, minLength: Int? = nil) -> JSONSchema {
        JSONSchema(.string(allowed: allowed, minLength: minLength), description: description)
    }

    public static func integer(_ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil) -> JSONSchema {
        JSONSchema(.integer(minimum: minimum, maximum: maximum), description: description)
    }

    public static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> JSONSchema {
        JSONSchema(.number(minimum: minimum, maximum: maximum), description: description)
    }

    public static func boolean(_ description: String? = nil) -> JSONSchema {
        JSONSchema(.boolean, description: description)
    }

    public static func array(
        of items: JSONSchema, _ description: String? = nil, minItems: Int? = nil, maxItems: Int? = nil
    ) -> JSONSchema {
        JSONSchema(.array(items: items, minItems: minItems, maxItems: maxItems), description: description)
    }

    /// An object whose members are listed in order; members are required unless marked `.optional`.
    public static func object(_ properties: KeyValuePairs<String, JSONSchema>, _ description: String? = nil) -> JSONSchema {
        JSONSchema(.object(properties: properties.map { Property(name: $0.key, schema: $0.value) }), description: description)
    }

    /// An object with no members: the input of a tool that takes no arguments.
    public static var empty: JSONSchema { .object([:]) }

    public static func anything(_ description: String? = nil) -> JSONSchema {
        JSONSchema(.anything, description: description)
    }

    /// This schema as a member that may be left out.
    public var optional: JSONSchema {
        var copy = self
        copy.isOptional = true
        return copy
    }

    /// This schema as a member that may be left out, standing for `value` when it is.
    public func defaulting(to value: Value) -> JSONSchema {
        var copy = optional
        copy.defaultValue = value
        return copy
    }
}

// MARK: - Rendering

extension JSONSchema {
    /// The schema as JSON Schema (draft 2020-12 vocabulary), the form MCP clients read.
    public var value: Value {
        var object: [String: Value] = [:]
        switch kind {
        case .string(let allowed, let minLength):
            object["type"] = "string"
            if let allowed { object["enum"] = .array(allowed.map { .string($0) }) }
            if let minLength { object["minLength"] = .int(minLength) }
        case .integer(let minimum, let maximum):
            object["type"] = "integer"
            if let minimum { object["minimum"] = .int(minimum) }
            if let maximum { object["maximum"] = .int(maximum) }
        case .number(let minimum, let maximum):
            object["type"] = "number"
            if let minimum { object["minimum"] = .double(minimum) }
            if let maximum { object["maximum"] = .double(maximum) }
        case .boolean:
            object["type"] = "boolean"
        case .array(let items, let minItems, let maxItems):
            object["type"] = "array"
            object["items"] = items.value
            if let minItems { object["minItems"] = .int(minItems) }
            if let maxItems { object["maxItems"] = .int(maxItems) }
        case .object(let properties):
            object["type"] = "object"
            object["properties"] = .object(
                Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema.value) }))
            let required = properties.filter { !$0.schema.isOptional }.map { Value.string($0.name) }
            if !required.isEmpty { object["required"] = .array(required) }
            object["additionalProperties"] = false
        case .anything:
            break
        }
        if let description { object["description"] = .string(description) }
        if let defaultValue { object["default"] = defaultValue }
        return .object(object)
    }
}
