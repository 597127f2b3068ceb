import MCP

extension Value {
    /// A member of an object value; `nil` for anything else.
    subscript(_ key: String) -> Value? { objectValue?[key] }
}
