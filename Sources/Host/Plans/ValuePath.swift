import MCP

/// A path into a step's output, as plans write it: `tracks[*].id`, `mood.valence`,
/// `tracks[0].name`. `[*]` takes every element of an array.
struct ValuePath: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case member(String)
        case index(Int)
        case every
    }

    let segments: [Segment]
    let description: String

    /// - Throws: ``PlanError/badReference(_:)`` for text that is not a path.
    init(_ text: String) throws(PlanError) {
        description = text
        var segments: [Segment] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "." { rest = rest.dropFirst() }
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { throw .badReference(text) }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside == "*" {
                    segments.append(.every)
                } else if let index = Int(inside), index >= 0 {
                    segments.append(.index(index))
                } else {
                    throw .badReference(text)
                }
                rest = rest[rest.index(after: close)...]
                continue
            }
            let name = rest.prefix { $0 != "." && $0 != "[" }
            guard !name.isEmpty else { throw .badReference(text) }
            segments.append(.member(String(name)))
            rest = rest.dropFirst(name.count)
        }
        self.segments = segments
    }

    /// The value at this path in `value`; `nil` where the path leads nowhere.
    func resolve(in value: Value) -> Value? {
        Self.resolve(segments[...], in: value)
    }

    private static func resolve(_ segments: ArraySlice<Segment>, in value: Value) -> Value? {
        guard let first = segments.first else { return value }
        let rest = segments.dropFirst()
        switch (first, value) {
        case (.member(let name), .object(let members)):
            return members[name].flatMap { resolve(rest, in: $0) }
        case (.index(let index), .array(let elements)):
            return elements.indices.contains(index) ? resolve(rest, in: elements[index]) : nil
        case (.every, .array(let elements)):
            var found: [Value] = []
            for element in elements {
                guard let inner = resolve(rest, in: element) else { return nil }
                found.append(inner)
            }
            return .array(found)
        default:
            return nil
        }
    }
}
