import MCP

/// The arguments of a tool, as a Swift type with the schema that describes it.
///
/// ServerKit checks incoming arguments against ``schema`` (filling in defaults)
/// before decoding, so a decoder only ever sees arguments that already fit.
public protocol ToolInput: Decodable, Sendable {
    static var schema: JSONSchema { get }
}

/// The input of a tool that takes no arguments.
public struct NoArguments: ToolInput {
    public static let schema = JSONSchema.empty
    public init() {}
}
