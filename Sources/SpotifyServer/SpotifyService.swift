import Curation
import Foundation
import Logging
import MCP
import ServerKit
import SpotifyAPI
import SpotifySandbox

/// Setlist's Spotify MCP server: the thirteen tools of the original Spotify server and `start_playback`, the
/// `mood_playlist` prompt, and past mixes as resources.
public enum SpotifyServer {
    /// Where the server finds Spotify.
    public enum Source: Sendable {
        /// The Spotify app of these settings (from the environment and `.env`); with no
        /// app configured, a sandbox started in this process.
        case configured(SpotifyConfiguration?)
        /// A sandbox already running at this address (`setlist sandbox`).
        case sandbox(URL)
    }

    /// The service, and a way to stop what it started (an embedded sandbox).
    /// - Parameters:
    ///   - dataDirectory: where the feature cache and the history of mixes live; by
    ///     default beside the logins.
    ///   - clock: the time prompts that name none are read at.
    public static func service(
        _ source: Source, store: TokenStore = .standard(), dataDirectory: String? = nil,
        clock: any DayClock = SystemDayClock(), logger: Logger
    ) -> (service: MCPService, stop: @Sendable () async -> Void) {
        let target: SpotifyContext.Target =
            switch source {
            case .configured(let configuration?): .spotify(configuration)
            case .configured(nil): .embedded(SandboxOptions())
            case .sandbox(let url): .sandbox(url)
            }
        // A sandbox run keeps its logins, mixes and features apart from the listener's real ones.
        let scratch: String? =
            switch target {
            case .spotify: nil
            case .sandbox, .embedded:
                FileManager.default.temporaryDirectory.appendingPathComponent("setlist-sandbox-\(UUID().uuidString)").path
            }
        let directory = dataDirectory ?? scratch.map { $0 + "/data" } ?? store.directory
        let history: MixHistory?
        do {
            history = try MixHistory(directory: directory)
        } catch {
            logger.warning("Mixes will not be remembered", metadata: ["reason": "\(error)"])
            history = nil
        }
        let context = SpotifyContext(
            target: target, store: store, scratch: scratch, features: FeatureStore(directory: directory, logger: logger),
            history: history, clock: clock, logger: logger)
        let service = MCPService(
            name: "setlist-spotify", title: "Setlist Spotify", instructions: instructions,
            tools: tools(context), prompts: [MoodPlaylistPrompt.definition()],
            resources: PastMixes.provider(history))
        return (service, { await context.stop() })
    }

    static func tools(_ spotify: SpotifyContext) -> [AnyTool] {
        [
            AnyTool(WhoAmI.definition(spotify)),
            AnyTool(AuthBegin.definition(spotify)),
            AnyTool(AuthComplete.definition(spotify)),
            AnyTool(SearchTrack.definition(spotify)),
            AnyTool(AnalyzeMood.definition()),
            AnyTool(GetRecommendations.definition(spotify)),
            AnyTool(ExplainSelection.definition(spotify)),
            AnyTool(BuildPlaylistFromProfile.definition(spotify)),
            AnyTool(CreatePlaylist.definition(spotify)),
            AnyTool(CreatePlaylistWithTracks.definition(spotify)),
            AnyTool(AddToPlaylist.definition(spotify)),
            AnyTool(EnsureDeviceReady.definition(spotify)),
            AnyTool(StartPlayback.definition(spotify)),
            AnyTool(CreatePublicMix.definition(spotify)),
        ]
    }

    static let instructions = """
        Setlist makes Spotify playlists that fit a moment. To make one: analyze_mood reads the moment, \
        get_recommendations picks tracks (each with its features and their source), explain_selection says why \
        they fit, and create_playlist_with_tracks saves them (give it the mood too, and the mix is remembered); \
        ensure_device_ready and start_playback play it. \
        Call whoami first: if nobody is connected, auth_begin and auth_complete log the listener in.
        """
}
