import ServerKit

/// The input of the file tools that take a single path.
struct PathArgument: ToolInput {
    let path: String
    static let schema = JSONSchema.object(["path": .string()])
}
