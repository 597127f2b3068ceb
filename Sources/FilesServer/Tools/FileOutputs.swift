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

/// `read_media_file`'s answer, as the reference filesystem server gives it: an
/// image or audio block, or an embedded binary resource for any other type; the
/// same block as structured content (`{"content": [block]}`).
struct MediaResult: ToolOutput, Equatable {
    enum Block: Equatable {
        /// `type` is `image` or `audio`; `data` is base64.
        case media(type: String, data: String, mimeType: String)
        /// The file's `file://` URI and its bytes as base64.
        case resource(uri: String, mimeType: String, blob: String)
    }

    let block: Block

    /// One object with optional members, as the schema vocabulary here has no `anyOf`:
    /// `type`, `data` and `mimeType` for images and audio; `type` and `resource` otherwise.
    static let outputSchema = JSONSchema.object([
        "content": .array(
            of: .object([
                "type": .string(oneOf: ["image", "audio", "resource"]),
                "data": .string("Base64 of the file's bytes (image and audio)").optional,
                "mimeType": .string("The MIME type (image and audio)").optional,
                "resource": .object(
                    [
                        "uri": .string("The file's file:// URI"),
                        "mimeType": .string().optional,
                        "blob": .string("Base64 of the file's bytes"),
                    ], "The file as an embedded resource (other types)"
                ).optional,
            ]))
    ])

    var contentBlocks: [Tool.Content]? {
        switch block {
        case .media("audio", let data, let mimeType): [.audio(data: data, mimeType: mimeType, annotations: nil, _meta: nil)]
        case .media(_, let data, let mimeType): [.image(data: data, mimeType: mimeType, annotations: nil, _meta: nil)]
        case .resource(let uri, let mimeType, let blob):
            [.resource(resource: .binary(Data(base64Encoded: blob) ?? Data(), uri: uri, mimeType: mimeType))]
        }
    }

    private enum CodingKeys: String, CodingKey {
        case content
    }

    private enum BlockKeys: String, CodingKey {
        case type, data, mimeType, resource, uri, blob
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var list = container.nestedUnkeyedContainer(forKey: .content)
        var item = list.nestedContainer(keyedBy: BlockKeys.self)
        switch block {
        case .media(let type, let data, let mimeType):
            try item.encode(type, forKey: .type)
            try item.encode(data, forKey: .data)
            try item.encode(mimeType, forKey: .mimeType)
        case .resource(let uri, let mimeType, let blob):
            try item.encode("resource", forKey: .type)
            var resource = item.nestedContainer(keyedBy: BlockKeys.self, forKey: .resource)
            try resource.encode(uri, forKey: .uri)
            try resource.encode(mimeType, forKey: .mimeType)
            try resource.encode(blob, forKey: .blob)
        }
    }
}
