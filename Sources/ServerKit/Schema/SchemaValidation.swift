import Foundation
import MCP

/// Why a value does not fit a schema: where, what was expected, and what came instead.
public struct SchemaViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the value sits, such as `edits[1].oldText`; empty for the whole value.
    public var path: String
    public var expected: String
    public var found: String

    public var description: String {
        let place = path.isEmpty ? "the arguments" : "`\(path)`"
        return "Invalid argument \(place): expected \(expected), got \(found)."
    }
}

extension JSONSchema {
    /// Checks `value` against the schema and returns it normalized: defaults filled in
    /// for absent optional members, integral numbers as integers.
    ///
    /// - Throws: ``SchemaViolation`` for the first place that does not fit.
    public func validate(_ value: Value, at path: String = "") throws(SchemaViolation) -> Value {
        let value = value.plainString.map(Value.string) ?? value
        func violation(_ expected: String) -> SchemaViolation {
            SchemaViolation(path: path, expected: expected, found: value.summary)
        }
        switch kind {
        case .anything:
            return value
        case .boolean:
            guard case .bool = value else { throw violation("a boolean") }
            return value
        case .string(let allowed, let minLength):
            guard case .string(let string) = value else { throw violation(expectedString(allowed)) }
            if let allowed, !allowed.contains(string) { throw violation(expectedString(allowed)) }
            if let minLength, string.count < minLength {
                throw violation(minLength == 1 ? "a non-empty string" : "a string of at least \(minLength) characters")
            }
            return value
        case .integer(let minimum, let maximum):
            let expected = Self.describeRange("an integer", minimum: minimum, maximum: maximum)
            guard let integer = value.integralValue else { throw violation(expected) }
            if let minimum, integer < minimum { throw violation(expected) }
            if let maximum, integer > maximum { throw violation(expected) }
            return .int(integer)
        case .number(let minimum, let maximum):
            let expected = Self.describeRange("a number", minimum: minimum, maximum: maximum)
            guard let number = value.numericValue else { throw violation(expected) }
            if let minimum, number < minimum { throw violation(expected) }
            if let maximum, number > maximum { throw violation(expected) }
            return value
        case .array(let items, let minItems, let maxItems):
            guard case .array(let elements) = value else { throw violation("an array") }
            if let minItems, elements.count < minItems {
                throw violation("an array of at least \(minItems) item\(minItems == 1 ? "" : "s")")
            }
            if let maxItems, elements.count > maxItems {
                throw violation("an array of at most \(maxItems) items")
            }
            var checked: [Value] = []
            checked.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                checked.append(try items.validate(element, at: "\(path)[\(index)]"))
            }
            return .array(checked)
        case .object(let properties):
            guard case .object(var members) = value else { throw violation("an object") }
            let known = Set(properties.map(\.name))
            if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
                let accepted = properties.isEmpty ? "no arguments" : properties.map(\.name).joined(separator: ", ")
                throw SchemaViolation(
                    path: Self.join(path, unknown), expected: "nothing (unknown name; accepted: \(accepted))",
                    found: members[unknown]?.summary ?? "a value")
            }
            for property in properties {
                let memberPath = Self.join(path, property.name)
                switch members[property.name] {
                case nil, .null?:
                    if let defaultValue = property.schema.defaultValue {
                        members[property.name] = defaultValue
                    } else if property.schema.isOptional {
                        members[property.name] = nil
                    } else {
                        throw SchemaViolation(
                            path: memberPath, expected: property.schema.expectation, found: "nothing (it is required)")
                    }
                case let member?:
                    members[property.name] = try property.schema.validate(member, at: memberPath)
                }
            }
            return .object(members)
        }
    }

    /// A short phrase for what this schema accepts, used in messages.
    var expectation: String {
        switch kind {
        case .anything: "a value"
        case .boolean: "a boolean"
        case .string(let allowed, _): expectedString(allowed)
        case .integer(let minimum, let maximum): Self.describeRange("an integer", minimum: minimum, maximum: maximum)
        case .number(let minimum, let maximum): Self.describeRange("a number", minimum: minimum, maximum: maximum)
        case .array: "an array"
        case .object: "an object"
        }
    }

    private func expectedString(_ allowed: [String]?) -> String {
        guard let allowed else { return "a string" }
        return "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func describeRange<N: Comparable>(_ noun: String, minimum: N?, maximum: N?) -> String {
        switch (minimum, maximum) {
        case let (min?, max?): "\(noun) from \(min) to \(max)"
        case let (min?, nil): "\(noun) ≥ \(min)"
        case let (nil, max?): "\(noun) ≤ \(max)"
        case (nil, nil): noun
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}

// MARK: - Value helpers

extension Value {
    /// The text of a string value. The SDK decodes strings that look like `data:` URLs
    /// into `.data`; for a tool argument they are still text, so they are turned back.
    var plainString: String? {
        switch self {
        case .string(let string): string
        case .data(let mimeType, let data): data.dataURLEncoded(mimeType: mimeType)
        default: nil
        }
    }

    var integralValue: Int? {
        switch self {
        case .int(let integer): integer
        case .double(let double) where double.rounded() == double && abs(double) < 9e15: Int(double)
        default: nil
        }
    }

    /// The number, whether JSON text made it an integer or not.
    package var numericValue: Double? {
        switch self {
        case .int(let integer): Double(integer)
        case .double(let double): double
        default: nil
        }
    }

    /// A short description of the value for error messages; never the whole of a long string.
    var summary: String {
        switch self {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .int(let integer): "\(integer)"
        case .double(let double): "\(double)"
        case .string(let string):
            string.count > 40 ? "a string of \(string.count) characters" : "\"\(string)\""
        case .data: "a data URL"
        case .array(let elements): "an array of \(elements.count)"
        case .object: "an object"
        }
    }
}
