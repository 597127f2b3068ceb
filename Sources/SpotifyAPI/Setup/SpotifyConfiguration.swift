import Foundation

/// How Setlist reaches Spotify: the app's credentials, the redirect URI, and where the services are.
public struct SpotifyConfiguration: Sendable, Equatable {
    public var clientID: String?
    public var clientSecret: String?
    /// A fixed redirect URI, or `nil` for `http://127.0.0.1:<free port>/callback`.
    public var redirectURI: URL?
    public var endpoints: SpotifyEndpoints


    public init(clientID: String?, clientSecret: String? = nil, redirectURI: URL? = nil, endpoints: SpotifyEndpoints = .spotify) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.endpoints = endpoints
    }

    /// Reads `SPOTIFY_CLIENT_ID`, `SPOTIFY_CLIENT_SECRET`, `SPOTIFY_REDIRECT_URI`, and
    /// `SETLIST_SPOTIFY_BASE` (the address of a `setlist sandbox` to use instead of Spotify).
    public static func from(_ environment: [String: String]) throws(ConfigurationError) -> SpotifyConfiguration {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        var redirect: URL?
        if let text = value("SPOTIFY_REDIRECT_URI") {
            guard let url = URL(string: text), let scheme = url.scheme, let host = url.host else {
                throw .badRedirect(text, "it is not a URL")
            }
            if host == "localhost" {
                throw .badRedirect(text, "Spotify rejects 'localhost'; use http://127.0.0.1:\(url.port ?? 8888)\(url.path.isEmpty ? "/callback" : url.path) (and register that in the app's dashboard)")
            }
            guard scheme == "http", host == "127.0.0.1" || host == "::1" || host == "[::1]" else {
                throw .badRedirect(text, "the login waits for the redirect on this machine, so it must be http://127.0.0.1:PORT/PATH")
            }
            redirect = url
        }
        var endpoints = SpotifyEndpoints.spotify
        if let base = value("SETLIST_SPOTIFY_BASE") {
            guard let url = URL(string: base), url.scheme != nil else { throw .badBase(base) }
            endpoints = .sandbox(url)
        }
        return SpotifyConfiguration(
            clientID: value("SPOTIFY_CLIENT_ID"), clientSecret: value("SPOTIFY_CLIENT_SECRET"), redirectURI: redirect,
            endpoints: endpoints)
    }

    public func accounts() throws(ConfigurationError) -> AccountsClient {
        guard let clientID else { throw .missingClientID }
        return AccountsClient(endpoints: endpoints, clientID: clientID, clientSecret: clientSecret)
    }
}

/// Why Setlist cannot use the Spotify settings it was given, and how to fix them.
public enum ConfigurationError: Error, LocalizedError, Equatable {
    case missingClientID
    case badRedirect(String, String)
    case badBase(String)

    public var errorDescription: String? {
        switch self {
        case .missingClientID:
            "SPOTIFY_CLIENT_ID is not set: create an app at https://developer.spotify.com/dashboard and put its client id in the environment or in a .env file here (SPOTIFY_CLIENT_ID=...)."
        case .badRedirect(let value, let fix):
            "SPOTIFY_REDIRECT_URI=\(value) cannot be used: \(fix)."
        case .badBase(let value):
            "SETLIST_SPOTIFY_BASE=\(value) is not a URL such as http://127.0.0.1:8899."
        }
    }
}
