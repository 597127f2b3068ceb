import Foundation
import SpotifyModels

/// Everything the sandbox remembers: its app, users, tokens, playlists and players.
///
/// One actor, so requests that change state never race; the HTTP layer only
/// translates requests into calls here and answers back.
public actor SandboxState {
    public nonisolated let catalog: DemoCatalog
    let searchIndex: SearchIndex
    let options: SandboxOptions
    var random: SeededRandom

    /// The registered app: its id, secret, redirect URIs, and the users added in its dashboard.
    public struct App: Sendable {
        public let clientID: String
        public let clientSecret: String
        /// Redirect URIs registered in the dashboard, besides the loopback ones every app may use.
        let redirectURIs: Set<String>
        public let registeredUsers: Set<String>

        /// Whether `/authorize` may send the browser back to `uri`: a registered URI, or
        /// a plain `http` one on 127.0.0.1 or [::1] with any port and path, as Spotify
        /// allows for an app on the user's machine (it refuses `localhost`). Any other
        /// scheme or host (`javascript:`, `data:`, `file:`, `https` to loopback) gets
        /// no redirect, and neither does a fragment, which OAuth forbids.
        func accepts(redirectURI uri: String) -> Bool {
            if redirectURIs.contains(uri) { return true }
            guard let components = URLComponents(string: uri), components.scheme?.lowercased() == "http",
                components.fragment == nil, let host = components.host
            else { return false }
            return ["127.0.0.1", "::1", "[::1]"].contains(host)
        }
    }

    public static let app = App(
        clientID: "sandbox-client", clientSecret: "sandbox-secret",
        redirectURIs: ["https://setlist.example/callback"],
        registeredUsers: [SandboxUsers.listener, SandboxUsers.bot, SandboxUsers.free])

    struct User {
        var profile: CurrentUser
        var premium: Bool
        var devices: [Device]
        var playback: PlaybackState?
    }

    struct PendingCode {
        let clientID: String
        let redirectURI: String
        let challenge: String
        let scopes: Set<String>
        let userID: String
        let expires: Date
    }

    /// What an access token grants: a user (none for app-only tokens) and scopes.
    struct Grant {
        let userID: String?
        let clientID: String
        let scopes: Set<String>
        let expires: Date
    }

    struct RefreshGrant {
        let userID: String
        let clientID: String
        let scopes: Set<String>
        /// When the user first authorized; refreshing does not extend a refresh token's life.
        let authorizedAt: Date
    }

    struct StoredPlaylist {
        var playlist: Playlist
        var trackIDs: [String]
        var addedAt: [String]
        var snapshot: Int
    }

    var users: [String: User]
    var codes: [String: PendingCode] = [:]
    var accessTokens: [String: Grant] = [:]
    var refreshTokens: [String: RefreshGrant] = [:]
    var playlists: [String: StoredPlaylist] = [:]
    /// Playlist ids, oldest first: `GET /me/playlists` lists the newest first.
    var playlistOrder: [String] = []
    var queuedFaults: [QueuedFault] = []
    var libraryURIs: [String: [String]] = [:]
    /// Web API and ReccoBeats requests answered so far, faults included.
    public private(set) var apiRequestCount = 0

    public init(options: SandboxOptions = SandboxOptions()) {
        self.options = options
        catalog = DemoCatalog(seed: options.seed)
        searchIndex = SearchIndex(catalog)
        random = SeededRandom(seed: options.seed &+ 1)
        users = SandboxUsers.make(catalog: catalog)
    }

    /// A fault that a test asked for, for the next Web API request: a refusal with
    /// `status`, or, with `lost`, the request carried out and its answer lost.
    public struct QueuedFault: Sendable, Codable, Equatable {
        public var status: Int?
        public var retryAfter: Int?
        public var reason: String?
        public var lost: LostAnswer?

        public init(status: Int? = nil, retryAfter: Int? = nil, reason: String? = nil, lost: LostAnswer? = nil) {
            self.status = status
            self.retryAfter = retryAfter
            self.reason = reason
            self.lost = lost
        }
    }

    /// How the answer to a request that was carried out goes missing.
    public enum LostAnswer: String, Sendable, Codable, Equatable {
        /// A 500, as a gateway answers when the service behind it timed out.
        case serverError = "500"
        /// The connection closes in the middle of the answer.
        case dropped = "drop"
    }

    /// What a fault does to one request.
    enum FaultAction {
        /// Answer this instead; the request is not carried out.
        case refuse(SandboxResponse)
        /// Carry the request out, then lose its answer.
        case lose(LostAnswer)
    }

    // MARK: - Control (for tests and demos)

    public func queueFaults(_ faults: [QueuedFault]) {
        queuedFaults.append(contentsOf: faults)
    }

    /// Makes every access token expire now, as if an hour had passed.
    public func expireAccessTokens() {
        for (token, grant) in accessTokens {
            accessTokens[token] = Grant(userID: grant.userID, clientID: grant.clientID, scopes: grant.scopes, expires: .distantPast)
        }
    }

    /// Revokes every refresh token, as a user removing the app's access would.
    public func revokeRefreshTokens() {
        refreshTokens.removeAll()
    }

    /// Sets a user's devices; `active` names the one playing, if any.
    public func setDevices(for userID: String, _ devices: [Device]) {
        users[userID]?.devices = devices
        users[userID]?.playback = nil
    }

    /// The tracks of a playlist, for checking what a client added.
    public func trackIDs(inPlaylist id: String) -> [String]? {
        playlists[id]?.trackIDs
    }

    // MARK: - Faults

    /// The fault to answer the next Web API request with, if any: queued ones first, then random ones.
    func nextFault() -> FaultAction? {
        apiRequestCount += 1
        if !queuedFaults.isEmpty {
            let fault = queuedFaults.removeFirst()
            if let lost = fault.lost { return .lose(lost) }
            return .refuse(Self.response(for: fault))
        }
        for fault in options.faults.faults where Double.random(in: 0..<1, using: &random) < fault.probability {
            switch fault.kind {
            case .quotaSpent: return .refuse(Self.response(for: QueuedFault(status: 429, retryAfter: 86_400, reason: "QUOTA_EXCEEDED")))
            case .status(429): return .refuse(Self.response(for: QueuedFault(status: 429, retryAfter: 1)))
            case .status(let status): return .refuse(Self.response(for: QueuedFault(status: status)))
            case .lost: return .lose(Bool.random(using: &random) ? .serverError : .dropped)
            }
        }
        return nil
    }

    static func response(for fault: QueuedFault) -> SandboxResponse {
        let status = fault.status ?? 500
        let headers = fault.retryAfter.map { ["Retry-After": String($0)] } ?? [:]
        let message =
            switch status {
            case 429: fault.reason == "QUOTA_EXCEEDED" ? "Quota exceeded for this application" : "API rate limit exceeded"
            case 401: "The access token expired"
            default: "Server error (sandbox fault)"
            }
        return .error(status, message, reason: fault.reason, headers: headers)
    }

    // MARK: - Tokens

    func newToken(_ prefix: String) -> String {
        "\(prefix)-\(random.spotifyID())\(random.spotifyID())"
    }

    /// The grant behind a bearer token.
    func grant(bearer token: String?) throws(SandboxFailure) -> Grant {
        guard let token, let grant = accessTokens[token] else { throw SandboxFailure(.error(401, "Invalid access token")) }
        guard grant.expires > Date() else { throw SandboxFailure(.error(401, "The access token expired")) }
        return grant
    }
}

/// A refusal on the way to an answer, carrying the answer itself.
struct SandboxFailure: Error {
    let response: SandboxResponse

    init(_ response: SandboxResponse) {
        self.response = response
    }
}
