import Foundation
import SpotifyModels

/// The sandbox's catalog: fictional artists and tracks, generated the same way from
/// the same seed, with audio features drawn from each track's genre, and a demo
/// listener with a history to build mixes from.
///
/// Artist names end in "(sandbox)" so that nobody mistakes a demo mix for a real one.
public struct DemoCatalog: Sendable {
    /// A track with the genre it was made in and how it sounds.
    public struct Entry: Codable, Hashable, Sendable {
        public var track: Track
        public var genre: String
        public var features: AudioFeatures
    }

    /// The listener the sandbox logs in as, with a history in a few favourite genres.
    public struct Listener: Codable, Sendable {
        public var profile: CurrentUser
        public var favouriteGenres: [String]
        /// Most listened first.
        public var topTrackIDs: [String]
        public var topArtistIDs: [String]
        public var recentlyPlayed: [PlayHistory]
        public var saved: [SavedTrack]

        /// `IDs` spelled `Ids`, so snake case makes `top_track_ids` of it, not `top_track_i_ds`.
        enum CodingKeys: String, CodingKey {
            case profile, favouriteGenres, recentlyPlayed, saved
            case topTrackIDs = "topTrackIds"
            case topArtistIDs = "topArtistIds"
        }
    }

    public let seed: UInt64
    public let genres: [GenreProfile]
    public let artists: [Artist]
    public let entries: [Entry]
    public let listener: Listener
    private let indexByID: [String: Int]
    private let artistIndexByID: [String: Int]

    public static let artistsPerGenre = 14
    public static let albumsPerArtist = 2
    public static let tracksPerAlbum = 5

    public init(seed: UInt64 = 2026) {
        var random = SeededRandom(seed: seed)
        var usedIDs = Set<String>()
        func freshID() -> String {
            while true {
                let id = random.spotifyID()
                if usedIDs.insert(id).inserted { return id }
            }
        }
        var artists: [Artist] = []
        var entries: [Entry] = []
        var serial = 0
        for genre in GenreProfile.all {
            for _ in 0..<Self.artistsPerGenre {
                let spanish = genre.spanish || Double.random(in: 0..<1, using: &random) < 0.3
                let artist = Artist(
                    id: freshID(), name: Names.artist(spanish: spanish, using: &random) + " (sandbox)",
                    genres: [genre.name], popularity: Int.random(in: 5...85, using: &random))
                artists.append(artist)
                for albumNumber in 1...Self.albumsPerArtist {
                    let year = Int.random(in: 1995...2026, using: &random)
                    let album = SimplifiedAlbum(
                        id: freshID(),
                        name: spanish ? "Sesiones Sandbox, Vol. \(albumNumber)" : "Sandbox Sessions, Vol. \(albumNumber)",
                        releaseDate: "\(year)-\(String(format: "%02d", Int.random(in: 1...12, using: &random)))-01",
                        artists: [artist.simplified])
                    for _ in 0..<Self.tracksPerAlbum {
                        serial += 1
                        let id = freshID()
                        let track = Track(
                            id: id, name: Names.title(spanish: spanish, using: &random),
                            durationMs: Int.random(in: 140_000...330_000, using: &random), artists: [artist.simplified],
                            album: album, explicit: genre.name.contains("trap") && Bool.random(using: &random),
                            popularity: Int.random(in: 5...90, using: &random),
                            externalIds: ExternalIDs(isrc: String(format: "ZZSBX%02d%05d", year % 100, serial)))
                        entries.append(Entry(track: track, genre: genre.name, features: Self.features(id: id, genre: genre, using: &random)))
                    }
                }
            }
        }
        self.seed = seed
        self.genres = GenreProfile.all
        self.artists = artists
        self.entries = entries
        self.listener = Self.listener(entries: entries, using: &random)
        self.indexByID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.track.id, $0) })
        self.artistIndexByID = Dictionary(uniqueKeysWithValues: artists.enumerated().map { ($1.id, $0) })
    }

    /// Features drawn around the genre's typical sound, kept on Spotify's scales.
    static func features(id: String, genre: GenreProfile, using random: inout SeededRandom) -> AudioFeatures {
        func unit(_ spread: GenreProfile.Spread) -> Double {
            min(1, max(0, random.normal(mean: spread.mean, deviation: spread.deviation)))
        }
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        return AudioFeatures(
            id: id,
            danceability: rounded(unit(genre.danceability)),
            energy: rounded(unit(genre.energy)),
            valence: rounded(unit(genre.valence)),
            tempo: rounded(max(50, random.normal(mean: genre.tempo.mean, deviation: genre.tempo.deviation))),
            acousticness: rounded(unit(genre.acousticness)),
            instrumentalness: rounded(unit(genre.instrumentalness)),
            liveness: rounded(min(1, max(0, random.normal(mean: 0.15, deviation: 0.08)))),
            loudness: rounded(min(0, random.normal(mean: genre.loudness.mean, deviation: genre.loudness.deviation))),
            speechiness: rounded(unit(genre.speechiness)))
    }

    /// A listener who mostly plays five genres, with a little of everything else.
    static func listener(entries: [Entry], using random: inout SeededRandom) -> Listener {
        let favourites = ["lofi hip hop", "indie pop", "bossa nova", "reggaeton", "house"]
        let liked = entries.filter { favourites.contains($0.genre) }.shuffled(using: &random)
        let others = entries.filter { !favourites.contains($0.genre) }.shuffled(using: &random)
        let top = Array(liked.prefix(240) + others.prefix(60)).shuffled(using: &random).map(\.track)
        let topIDs = top.map(\.id)
        var topArtistIDs: [String] = []
        for track in top where !topArtistIDs.contains(track.artists[0].id) {
            topArtistIDs.append(track.artists[0].id)
        }
        let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11, a fixed day for reproducible histories
        let recent = (0..<50).map { index in
            PlayHistory(track: top[(index * 7) % top.count], playedAt: iso(start.addingTimeInterval(-Double(index) * 1_260)))
        }
        let saved = liked.dropFirst(100).prefix(250).enumerated().map { index, entry in
            SavedTrack(addedAt: iso(start.addingTimeInterval(-Double(index) * 86_400)), track: entry.track)
        }
        return Listener(
            profile: CurrentUser(
                id: "sandbox-listener", displayName: "Sandbox Listener", accountId: "sandbox-account-0001",
                product: "premium", country: "ES"),
            favouriteGenres: favourites, topTrackIDs: topIDs, topArtistIDs: Array(topArtistIDs.prefix(60)),
            recentlyPlayed: recent, saved: Array(saved))
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    // MARK: - Looking up

    public func entry(id: String) -> Entry? {
        indexByID[id].map { entries[$0] }
    }

    public func artist(id: String) -> Artist? {
        artistIndexByID[id].map { artists[$0] }
    }
}
