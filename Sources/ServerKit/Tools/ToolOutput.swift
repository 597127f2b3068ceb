import MCP

/// The result of a tool, as a Swift type with the schema that describes it.
///
/// The encoded value becomes the result's `structuredContent`, which matches
/// ``outputSchema``. Clients that read only `content` get ``contentBlocks``:
/// by default the same JSON as one text block.
public protocol ToolOutput: Encodable, Sendable {
    static var outputSchema: JSONSchema { get }

    /// The content blocks to send instead of the JSON text, for results with a
    /// natural form of their own (a file's text, an image). `nil` sends the JSON.
    var contentBlocks: [Tool.Content]? { get }

    /// Whether the result reports a failure (`isError: true`) while still carrying what
    /// was done, such as the tracks a half-finished append did add.
    var isFailure: Bool { get }
}

extension ToolOutput {
    public var contentBlocks: [Tool.Content]? { nil }
    public var isFailure: Bool { false }
}

extension Tool.Content {
    /// A plain text block.
    public static func plainText(_ text: String) -> Tool.Content {
        .text(text: text, annotations: nil, _meta: nil)
    }
}
