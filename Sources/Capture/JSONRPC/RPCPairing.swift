/// A JSON-RPC message where it was seen.
struct RPCSighting {
    var message: RPCMessage
    var connection: Int
    var fromClient: Bool
    var frame: Int
    var time: Int64?
    /// "JSON body" or "SSE event".
    var carrier: String
    /// The client's address and the server's endpoint: requests and answers meet there,
    /// whichever connection each takes.
    var client: IPAddress
    var server: Endpoint
    var pairedWith: Int?
    var latencyNanoseconds: Int64?
    var flags: [String] = []
}

/// Pairs requests with their responses by id, in capture order, and flags what does
/// not fit: responses to nothing, requests never answered, ids used twice while
/// outstanding, null ids.
enum RPCPairing {
    private struct Key: Hashable {
        var client: IPAddress
        var server: Endpoint
        var requesterIsClient: Bool
        var id: RPCID
    }

    static func pair(_ sightings: inout [RPCSighting]) {
        // Capture order; the position breaks ties, as a stable sort would.
        let order = sightings.indices.map { (time: sightings[$0].time ?? 0, frame: sightings[$0].frame, index: $0) }
            .sorted { ($0.time, $0.frame, $0.index) < ($1.time, $1.frame, $1.index) }.map(\.index)
        var outstanding: [Key: Int] = [:]
        outstanding.reserveCapacity(sightings.count / 2)
        for index in order {
            let (message, client, server, fromClient, frame, time) = (
                sightings[index].message, sightings[index].client, sightings[index].server, sightings[index].fromClient,
                sightings[index].frame, sightings[index].time
            )
            let sighting = (client: client, server: server, fromClient: fromClient, frame: frame, time: time)
            if message.id == .null { sightings[index].flags.append("null id") }
            if let problem = message.problem { sightings[index].flags.append(problem) }
            switch message.kind {
            case .request:
                guard let id = message.id else { continue }
                let key = Key(client: sighting.client, server: sighting.server, requesterIsClient: sighting.fromClient, id: id)
                if let earlier = outstanding[key] {
                    sightings[index].flags.append("duplicate id \(id.description): #\(sightings[earlier].frame) with this id is still unanswered")
                    sightings[earlier].flags.append("duplicate id \(id.description): reused by #\(sighting.frame) before an answer")
                }
                outstanding[key] = index
            case .result, .error:
                guard let id = message.id else {
                    sightings[index].flags.append("response without id")
                    continue
                }
                let key = Key(client: sighting.client, server: sighting.server, requesterIsClient: !sighting.fromClient, id: id)
                guard let request = outstanding.removeValue(forKey: key) else {
                    sightings[index].flags.append("orphan: no request with id \(id.description) before it")
                    continue
                }
                sightings[index].pairedWith = request
                sightings[request].pairedWith = index
                if let answered = sighting.time, let asked = sightings[request].time {
                    sightings[index].latencyNanoseconds = answered &- asked
                    sightings[request].latencyNanoseconds = answered &- asked
                }
            case .notification, .invalid:
                continue
            }
        }
        for index in outstanding.values { sightings[index].flags.append("no response in the capture") }
    }
}
