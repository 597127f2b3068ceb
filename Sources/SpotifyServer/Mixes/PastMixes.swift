import Foundation
import MCP
import ServerKit

/// The history of mixes as MCP resources: `setlist://mixes` lists the latest, and
/// `setlist://mixes/ID` holds one with its tracks.
enum PastMixes {
    static let listURI = "setlist://mixes"
    static let shown = 20

    static func provider(_ history: MixHistory?) -> ResourceProvider {
        ResourceProvider(
            list: {
                var resources = [
                    Resource(
                        name: "mixes", uri: listURI, title: "Past mixes", description: "The latest mixes Setlist made, newest first",
                        mimeType: "application/json")
                ]
                for mix in try await history?.recent(limit: shown) ?? [] {
                    guard let id = mix.id else { continue }
                    resources.append(
                        Resource(
                            name: "mix-\(id)", uri: "\(listURI)/\(id)", title: "Mix: \(mix.prompt.prefix(60))",
                            description: "\(mix.tracks.count) tracks, \(mix.createdAt.formatted(.iso8601))",
                            mimeType: "application/json"))
                }
                return resources
            },
            read: { uri in
                guard let history else { throw ToolFailure("The history of mixes could not be opened; see the server's log.") }
                if uri == listURI {
                    let mixes = try await history.recent(limit: shown).map { summary($0, withTracks: false) }
                    return [.text(try json(mixes), uri: uri, mimeType: "application/json")]
                }
                guard uri.hasPrefix(listURI + "/"), let id = Int64(uri.dropFirst(listURI.count + 1)),
                    let mix = try await history.mix(id: id)
                else { throw ResourceNotFound(uri: uri) }
                return [.text(try json(summary(mix, withTracks: true)), uri: uri, mimeType: "application/json")]
            })
    }

    static func summary(_ mix: StoredMix, withTracks: Bool) -> [String: Value] {
        var value: [String: Value] = [
            "id": .int(Int(mix.id ?? 0)), "prompt": .string(mix.prompt), "created_at": .string(mix.createdAt.formatted(.iso8601)),
            "track_count": .int(mix.tracks.count),
            "target": .object(["valence": .double(mix.target.valence), "energy": .double(mix.target.energy)]),
        ]
        if let url = mix.playlistURL { value["playlist_url"] = .string(url.absoluteString) }
        if let id = mix.playlistID { value["playlist_id"] = .string(id) }
        if withTracks {
            value["tracks"] = .array(
                mix.tracks.map { .object(["id": .string($0.id), "name": .string($0.name), "artists": .array($0.artistNames.map { .string($0) })]) })
        }
        return value
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
