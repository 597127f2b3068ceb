import ArgumentParser
import Foundation
import Host

extension MixOrder.Destination: ExpressibleByArgument {}

struct Mix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a playlist for a moment from one prompt, with no language model.",
        discussion: """
            Reads the mood, picks tracks, explains them, and saves the mix: to your Spotify when you are logged in, \
            otherwise (and with no Spotify app, on the built-in sandbox) as files under --out: playlist.m3u8, \
            playlist.json, README.md and mood.svg.
            """
    )

    @Argument(help: "The moment, in English or Spanish: \"rainy sunday, slow coffee\".")
    var prompt: String

    @Option(help: "How many tracks, 1 to 100.")
    var limit = 25

    @Option(help: "The playlist's name; by default made from the prompt.")
    var name: String?

    @Option(help: "Where the mix goes: spotify or files; by default Spotify when logged in, else files.")
    var to: MixOrder.Destination?

    @Option(help: "The folder mixes are written to, for --to files.")
    var out = "playlists"

    @Flag(help: "Make the Spotify playlist public.")
    var `public` = false

    @Flag(help: "Start playing it on the ready device (Spotify only).")
    var play = false

    @Flag(help: "Print the result as JSON, for scripts.")
    var json = false

    @Option(help: "Record every MCP message in both directions to this JSON Lines file (secrets masked); read it with `setlist trace show`.")
    var trace: String?

    @OptionGroup var keyLog: KeyLogOption

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be from 1 to 100, not \(limit).") }
        guard !prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("Say what the mix is for: setlist mix \"rainy sunday, slow coffee\"")
        }
        if to == .files, let flags = MixProgress.spotifyOnly(play: play, isPublic: `public`) {
            throw ValidationError(
                "\(flags) \(play && `public` ? "apply" : "applies") to Spotify playlists only, and --to files writes files: "
                    + "drop \(flags), or use --to spotify.")
        }
    }

    func run() async throws {
        keyLog.apply()
        let recorder = try trace.map { try Trace(path: $0) }
        let tell: @Sendable (String) -> Void = { message in FileHandle.standardError.write(Data("! \(message)\n".utf8)) }
        let spotify = try await RestartingConnection.start(.setlist("spotify", ["serve", "spotify"]), trace: recorder, onRestart: tell)
        let output = URL(fileURLWithPath: out).standardizedFileURL.path
        let maker = MixMaker(spotify: spotify) {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            return try await RestartingConnection.start(.setlist("files", ["serve", "files", output]), trace: recorder, onRestart: tell)
        }
        let order = MixOrder(prompt: prompt, limit: limit, name: name, destination: to, isPublic: `public`, play: play)
        let made: MixMaker.Made
        do {
            made = try await maker.make(order) { event in
                if !json { MixProgress.show(event) }
            } onNotice: { notice in
                MixProgress.show(notice, output: output, quiet: json)
            }
        } catch {
            await spotify.close()
            throw error
        }
        await spotify.close()
        print(json ? MixProgress.json(made, output: output) : MixProgress.done(made, output: output))
    }
}

/// What `setlist mix` prints: each step on standard error as it goes, the result on
/// standard output.
enum MixProgress {
    static let labels = [
        "whoami": "Checking the Spotify login", "mood": "Reading the mood", "recs": "Picking tracks", "why": "Explaining the picks",
        "playlist": "Creating the playlist", "device": "Getting a device ready", "play": "Starting playback",
        "folder": "Making the folder",
    ]

    static func show(_ event: PlanRunner.Event) {
        switch event {
        case .started(let step):
            FileHandle.standardError.write(Data("… \(labels[step.id] ?? "Writing \(step.arguments["path"]?.stringValue ?? step.id)")\n".utf8))
        case .finished(let step, .failed(let reason)):
            FileHandle.standardError.write(Data("✗ \(labels[step.id] ?? step.id): \(reason)\n".utf8))
        case .progress(_, let progress):
            if let message = progress.message { FileHandle.standardError.write(Data("  \(message)\n".utf8)) }
        case .finished:
            break
        }
    }

    /// A notice on standard error; a taken folder is progress and stays quiet with
    /// `--json`, unused options are always told.
    static func show(_ notice: MixMaker.Notice, output: String, quiet: Bool) {
        switch notice {
        case .folderTaken(let existing, let folder):
            guard !quiet else { return }
            FileHandle.standardError.write(
                Data("  A mix for this prompt already exists in \(output)/\(existing): this one goes to \(output)/\(folder).\n".utf8))
        case .spotifyOnlyUnused(let play, let isPublic):
            guard let flags = spotifyOnly(play: play, isPublic: isPublic) else { return }
            FileHandle.standardError.write(
                Data("! \(flags) \(play && isPublic ? "were" : "was") not used: the mix went to files, as Setlist is not logged in to Spotify (setlist auth login).\n".utf8))
        }
    }

    /// "--play", "--public", or both, as given; `nil` when neither.
    static func spotifyOnly(play: Bool, isPublic: Bool) -> String? {
        let flags = [play ? "--play" : nil, isPublic ? "--public" : nil].compactMap(\.self)
        return flags.isEmpty ? nil : flags.joined(separator: " and ")
    }

    static func done(_ made: MixMaker.Made, output: String) -> String {
        switch made.saved {
        case .spotify(let url, _, let added, let remaining, let playingOn):
            "\(made.name): \(added) tracks\(remaining > 0 ? " (\(remaining) could not be added)" : "")\n\(url)"
                + (playingOn.map { "\nPlaying on \($0)" } ?? "")
        case .files(let folder, let names):
            "\(made.name): \(made.tracks) tracks\n" + names.map { "\(output)/\(folder)/\($0)" }.joined(separator: "\n")
        }
    }

    static func json(_ made: MixMaker.Made, output: String) -> String {
        var object: [String: Any] = ["name": made.name, "tracks": made.tracks]
        switch made.saved {
        case .spotify(let url, let id, let added, let remaining, let playingOn):
            object["destination"] = "spotify"
            object["url"] = url
            object["playlist_id"] = id
            if let playingOn { object["playing_on"] = playingOn }
            object["added"] = added
            object["remaining"] = remaining
        case .files(let folder, let names):
            object["destination"] = "files"
            object["folder"] = "\(output)/\(folder)"
            object["files"] = names
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
