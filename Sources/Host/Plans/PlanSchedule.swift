import MCP

/// What each step of a plan waits for: the steps its arguments refer to, those it names
/// in `after`, and, for a `write_file`, any `create_directory` of a folder it writes
/// under. Checked before anything runs: unknown steps, duplicates and cycles are refused.
struct PlanSchedule: Sendable, Equatable {
    /// For each step, the steps that must finish first.
    let waitsFor: [String: Set<String>]

    init(_ plan: Plan) throws(PlanError) {
        var ids = Set<String>()
        for step in plan.steps {
            guard ids.insert(step.id).inserted else { throw .duplicateStep(step.id) }
        }
        var waitsFor: [String: Set<String>] = [:]
        for step in plan.steps {
            var needs = Set(step.after)
            for reference in try Self.references(in: .object(step.arguments)) { needs.insert(reference.step) }
            if step.tool == "write_file", case .string(let file)? = step.arguments["path"] {
                for other in plan.steps where other.tool == "create_directory" && other.server == step.server {
                    if case .string(let folder)? = other.arguments["path"], Self.path(file, isUnder: folder) { needs.insert(other.id) }
                }
            }
            for need in needs where !ids.contains(need) { throw .unknownStep(step: step.id, refersTo: need) }
            waitsFor[step.id] = needs.subtracting([step.id])
        }
        self.waitsFor = waitsFor
        try Self.checkForCycles(waitsFor)
    }

    // MARK: - References

    struct Reference: Sendable, Equatable {
        let step: String
        let path: ValuePath?
    }

    /// `"{{step.path}}"`, a whole string; `nil` for any other value.
    static func reference(_ value: Value) throws(PlanError) -> Reference? {
        guard case .string(let text) = value, text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 else { return nil }
        let inner = text.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        let step = inner.prefix { $0 != "." && $0 != "[" }
        guard !step.isEmpty else { throw .badReference(text) }
        let rest = inner.dropFirst(step.count)
        return Reference(step: String(step), path: rest.isEmpty ? nil : try ValuePath(String(rest)))
    }

    static func references(in value: Value) throws(PlanError) -> [Reference] {
        if let reference = try reference(value) { return [reference] }
        switch value {
        case .object(let members):
            var found: [Reference] = []
            for member in members.values { found += try references(in: member) }
            return found
        case .array(let elements):
            var found: [Reference] = []
            for element in elements { found += try references(in: element) }
            return found
        default:
            return []
        }
    }

    // MARK: - Order

    static func path(_ file: String, isUnder folder: String) -> Bool {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return file.hasPrefix(base + "/")
    }

    private static func checkForCycles(_ waitsFor: [String: Set<String>]) throws(PlanError) {
        var remaining = waitsFor
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.value.isDisjoint(with: remaining.keys) }.map(\.key)
            guard !ready.isEmpty else { throw .cycle(remaining.keys.sorted()) }
            for id in ready { remaining[id] = nil }
        }
    }
}
