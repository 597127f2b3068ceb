import Foundation
import MCP

/// The main job with no language model: one prompt in, a playlist out, by fixed plans
/// of tool calls to the Spotify server (and the Files server for files).
public struct MixMaker: Sendable {
    let spotify: any MCPConnection
    /// Starts the Files server on the output folder, when the mix goes to files.
    let startFiles: @Sendable () async throws -> any MCPConnection

    public init(spotify: any MCPConnection, startFiles: @escaping @Sendable () async throws -> any MCPConnection) {
        self.spotify = spotify
        self.startFiles = startFiles
    }

    /// Where the mix went.
    public enum Saved: Sendable, Equatable {
        /// The playlist, how many tracks went in, and the device it plays on when the order asked to play it.
        case spotify(url: String, id: String, added: Int, remaining: Int, playingOn: String?)
        /// The folder, relative to the output folder, and its files.
        case files(folder: String, names: [String])
    }

    public struct Made: Sendable {
        public let name: String
        public let saved: Saved
        public let tracks: Int
        /// Every step of both plans, what ran and what failed.
        public let summary: String
    }

    /// What the listener should know that is not a step of a plan.
    public enum Notice: Sendable, Equatable {
        /// A mix for the prompt is already in `existing`, so this one goes to `folder`; both
        /// relative to the output folder.
        case folderTaken(existing: String, folder: String)
        /// The mix went to files on its own (nobody logged in to Spotify), so the order's
        /// Spotify-only wishes, playing it and making it public, were not used.
        case spotifyOnlyUnused(play: Bool, isPublic: Bool)
    }

    public func make(
        _ order: MixOrder, onEvent: @escaping @Sendable (PlanRunner.Event) -> Void = { _ in },
        onNotice: @escaping @Sendable (Notice) -> Void = { _ in }
    ) async throws -> Made {
        let chosen = await PlanRunner(connections: [spotify]).run(MixPlans.choose(order), onEvent: onEvent)
        guard chosen.succeeded, let mood = chosen.output("mood"), let recommendations = chosen.output("recs"),
            let why = chosen.output("why")
        else { throw MixError(report: chosen.summary) }
        let name = order.name ?? "Setlist · \(MixFiles.clip(order.prompt, 80))"
        let tracks = recommendations.objectValue?["tracks"]?.arrayValue ?? []
        let session = chosen.output("whoami")?.objectValue?["session"]?.stringValue
        switch order.destination ?? (session == "user" ? .spotify : .files) {
        case .spotify:
            let ids = tracks.compactMap { $0.objectValue?["id"] }
            let saved = await PlanRunner(connections: [spotify]).run(MixPlans.saveToSpotify(order, name: name, trackIDs: ids), onEvent: onEvent)
            guard let playlist = saved.output("playlist")?.objectValue, saved.succeeded else { throw MixError(report: chosen.summary + "\n" + saved.summary) }
            return Made(
                name: name,
                saved: .spotify(
                    url: playlist["url"]?.stringValue ?? "", id: playlist["playlist_id"]?.stringValue ?? "",
                    added: playlist["added"]?.arrayValue?.count ?? 0, remaining: playlist["remaining"]?.arrayValue?.count ?? 0,
                    playingOn: saved.output("play")?.objectValue?["device"]?.stringValue),
                tracks: tracks.count, summary: chosen.summary + "\n" + saved.summary)
        case .files:
            if order.destination == nil, order.play || order.isPublic {
                onNotice(.spotifyOnlyUnused(play: order.play, isPublic: order.isPublic))
            }
            let files = try await startFiles()
            do {
                let slug = MixFiles.slug(order.prompt)
                let folder = try await Self.freeFolder(slug, in: files)
                if folder != slug { onNotice(.folderTaken(existing: slug, folder: folder)) }
                let content = MixFiles(name: name, prompt: order.prompt, mood: mood, recommendations: recommendations, explanation: why)
                let saved = await PlanRunner(connections: [files]).run(
                    MixPlans.saveToFiles(folder: folder, files: content.all), onEvent: onEvent)
                guard saved.succeeded else { throw MixError(report: chosen.summary + "\n" + saved.summary) }
                await files.close()
                return Made(
                    name: name, saved: .files(folder: folder, names: content.all.map(\.name)), tracks: tracks.count,
                    summary: chosen.summary + "\n" + saved.summary)
            } catch {
                await files.close()
                throw error
            }
        }
    }

    // MARK: - Folders

    /// How the Files server's answer begins when a path does not exist.
    static let notFound = "No such file or directory"

    /// `slug`, or `slug-2`, `slug-3`…: a mix made twice never overwrites the first.
    ///
    /// Only the Files server's not-found answer means a name is free: any other error
    /// (a symlink leading outside, no permission) would leave the name's state unknown,
    /// so it stops the mix before anything is written.
    static func freeFolder(_ slug: String, in files: any MCPConnection) async throws -> String {
        for attempt in 1...1_000 {
            let name = attempt == 1 ? slug : "\(slug)-\(attempt)"
            let info = try await files.callTool("get_file_info", arguments: ["path": .string(name)], onProgress: nil)
            guard info.isError == true else { continue }
            let text = info.text
            if text.hasPrefix(notFound) { return name }
            throw MixError(
                report: "Could not tell whether the folder \(name) is free in the output folder, so nothing was written: "
                    + (text.isEmpty ? "get_file_info failed." : text) + " Move \(name) out of the way, or write the mix elsewhere with --out.")
        }
        throw MixError(report: "Every folder name for \(slug) is taken in the output folder: remove some old mixes.")
    }
}

/// A mix that could not be made, with the report of what ran.
public struct MixError: Error, CustomStringConvertible {
    public let report: String
    public var description: String { "The mix could not be made.\n\(report)" }
}
