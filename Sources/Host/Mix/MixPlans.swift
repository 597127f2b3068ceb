import MCP

/// The fixed plans of tool calls `setlist mix` runs: first read the mood, recommend
/// and explain; then save, to Spotify or to files.
enum MixPlans {
    static let spotify = "spotify"
    static let files = "files"

    static func choose(_ order: MixOrder) -> Plan {
        Plan([
            Plan.Step(id: "whoami", server: spotify, tool: "whoami"),
            Plan.Step(id: "mood", server: spotify, tool: "analyze_mood", arguments: ["prompt": .string(order.prompt)]),
            Plan.Step(
                id: "recs", server: spotify, tool: "get_recommendations",
                arguments: ["mood": .string(order.prompt), "limit": .int(order.limit), "energy_arc": true]),
            Plan.Step(
                id: "why", server: spotify, tool: "explain_selection",
                arguments: ["tracks": "{{recs.tracks[*].id}}", "context": .string(order.prompt)]),
        ])
    }

    static func saveToSpotify(_ order: MixOrder, name: String, trackIDs: [Value]) -> Plan {
        var steps = [
            Plan.Step(
                id: "playlist", server: spotify, tool: "create_playlist_with_tracks",
                arguments: [
                    "name": .string(name), "public": .bool(order.isPublic), "track_ids": .array(trackIDs), "mood": .string(order.prompt),
                    "description": .string("Made by Setlist for “\(order.prompt.prefix(120))”"),
                ])
        ]
        if order.play {
            steps.append(Plan.Step(id: "device", server: spotify, tool: "ensure_device_ready", after: ["playlist"]))
            steps.append(
                Plan.Step(id: "play", server: spotify, tool: "start_playback", arguments: ["playlist_id": "{{playlist.playlist_id}}"], after: ["device"]))
        }
        return Plan(steps)
    }

    /// The folder, then its four files side by side (each waits for the folder).
    static func saveToFiles(folder: String, files: [(name: String, content: String)]) -> Plan {
        Plan(
            [Plan.Step(id: "folder", server: Self.files, tool: "create_directory", arguments: ["path": .string(folder)])]
                + files.enumerated().map { index, file in
                    Plan.Step(
                        id: "file\(index + 1)", server: Self.files, tool: "write_file",
                        arguments: ["path": .string("\(folder)/\(file.name)"), "content": .string(file.content)])
                })
    }
}
