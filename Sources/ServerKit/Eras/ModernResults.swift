import Foundation
import MCP

/// Results as the modern era writes them: `resultType: "complete"`, the server's
/// identity in `_meta`, and for what a client may keep (`server/discover`, lists,
/// reads) how long and for whom (`ttlMs`, `cacheScope`).
struct ModernResults: Sendable {
    /// `{"name":…,"version":…}` (and `title`), as `_meta`'s serverInfo.
    let serverInfo: Value
    /// `"_meta":{…},"resultType":"complete"`, written once: what a tool's answer starts with.
    private let leadingMembers: [UInt8]

    init(serverInfo: Value) {
        self.serverInfo = serverInfo
        let members = JSONWriter.data(["_meta": [ModernRevision.MetaKey.serverInfo: serverInfo], "resultType": "complete"])
        leadingMembers = Array(members.dropFirst().dropLast())
    }

    /// How long a result of `method` may be kept, in milliseconds; `nil` when it is
    /// not one a client keeps. The tools, prompts and what the server supports do not
    /// change while a server runs; resources (the Spotify server's mixes) do.
    static func lifetime(of method: String) -> Int? {
        switch method {
        case ModernRevision.discover, ListTools.name, ListPrompts.name, ListResourceTemplates.name: 300_000
        case ListResources.name, ReadResource.name: 0
        default: nil
        }
    }

    /// A result with the modern members added; members it has are kept, its `_meta` merged.
    func stamped(_ result: Value, method: String) -> Value {
        var members = result.objectValue ?? [:]
        members["resultType"] = .string("complete")
        var meta = members["_meta"]?.objectValue ?? [:]
        meta[ModernRevision.MetaKey.serverInfo] = serverInfo
        members["_meta"] = .object(meta)
        if let lifetime = Self.lifetime(of: method) {
            members["ttlMs"] = .int(lifetime)
            // What one client is told is for that client: the Files server's folders, say.
            members["cacheScope"] = .string("private")
        }
        return .object(members)
    }

    /// A result with the modern members added, encoded. A tool's answer, which has no
    /// `_meta` of its own and is not kept, gets them written ahead of its own members.
    func stampedData(_ result: Value, method: String) -> Data {
        guard case .object(let members) = result, members["_meta"] == nil, members["resultType"] == nil, Self.lifetime(of: method) == nil
        else { return JSONWriter.data(stamped(result, method: method)) }
        var output: [UInt8] = [UInt8(ascii: "{")]
        output.reserveCapacity(leadingMembers.count + 256)
        output.append(contentsOf: leadingMembers)
        // The result's own members follow, its opening brace made the comma between.
        let opening = output.count
        JSONWriter.write(result, into: &output)
        if members.isEmpty { output.remove(at: opening) } else { output[opening] = UInt8(ascii: ",") }
        return Data(output)
    }

    /// An encoded result with the modern members added.
    func stamped(json: some Sequence<UInt8>, method: String) -> Data {
        let result = (try? JSONParser.parse(Data(json))) ?? .object([:])
        return JSONWriter.data(stamped(result, method: method))
    }
}
