/// `${VAR}` and `${VAR:-default}` in configuration values, as Claude Desktop and Claude
/// Code expand them.
enum VariableExpansion {
    /// Why a value could not be expanded.
    struct Missing: Error, Equatable {
        let variable: String
    }

    static func expand(_ text: String, _ environment: [String: String]) throws(Missing) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return result
            }
            let inside = rest[start.upperBound..<end]
            let (name, fallback): (Substring, Substring?) =
                if let separator = inside.range(of: ":-") {
                    (inside[..<separator.lowerBound], inside[separator.upperBound...])
                } else {
                    (inside, nil)
                }
            if let value = environment[String(name)], !value.isEmpty {
                result += value
            } else if let fallback {
                result += fallback
            } else {
                throw Missing(variable: String(name))
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
