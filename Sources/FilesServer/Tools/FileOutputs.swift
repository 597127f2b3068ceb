import Foundation
import MCP
import ServerKit

/// The answer of most file tools, as the reference filesystem server gives it:
/// the text itself as the content block, and `{"content": text}` as structured content.
struct TextResult: ToolOutput, Equatable {
    let content: String

    init(_ content: String) {
        self.content = content
    }

    static let outputSchema = JSONSchema.object(["content": .string("The result as text")])

    var contentBlocks: [Tool.Content]? { [.plainText(content)] }
}

/// `read_media_file`'s answer: an image or audio block (or an embedded binary
/// resource for other types), and the same data as structured content.
struct MediaResult: ToolOutput, Equatable {
    struct Item: Codable, Equatable {
        /// `image`, `audio` or `blob`.
        let type: String
        /// Base64 of the file's bytes.
        let data: String
        let mimeType: String
    }

    let content: [Item]
    /// The file's `file://` URI, for the embedded resource of a type that is neither image nor audio.
    let fileURI: String

    private enum CodingKeys: String, CodingKey {
        case content
    }

    static let outputSchema = JSONSchema.object([
        "content": .array(
            of: .object([
                "type": .string(oneOf: ["image", "audio", "blob"]),
                "data": .string("Base64 of the file's bytes"),
                "mimeType": .string(),
            ]))
    ])

    var contentBlocks: [Tool.Content]? {
        content.map { item in
            switch item.type {
            case "image": .image(data: item.data, mimeType: item.mimeType, annotations: nil, _meta: nil)
            case "audio": .audio(data: item.data, mimeType: item.mimeType, annotations: nil, _meta: nil)
            default: .resource(resource: .binary(Data(base64Encoded: item.data) ?? Data(), uri: fileURI, mimeType: item.mimeType))
            }
        }
    }
}
