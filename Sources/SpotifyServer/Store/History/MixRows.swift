import Curation
import Foundation
import GRDB

/// A mix as the history's `mix` table holds it; its tracks are ``MixTrackRow``s.
struct MixRow: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "mix"

    var id: Int64?
    var prompt: String
    /// Seconds since 1970.
    var createdAt: Double
    var valence: Double
    var energy: Double
    var danceability: Double
    var tempo: Double?
    var acousticness: Double?
    var instrumentalness: Double?
    var playlistID: String?
    var playlistURL: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    /// Newest first; of two mixes made in the same instant, the later recorded.
    static func newestFirst() -> QueryInterfaceRequest<MixRow> {
        order(Columns.createdAt.desc, Columns.id.desc)
    }

    init(_ mix: StoredMix) {
        id = mix.id
        prompt = mix.prompt
        createdAt = mix.createdAt.timeIntervalSince1970
        valence = mix.target.valence
        energy = mix.target.energy
        danceability = mix.target.danceability
        tempo = mix.target.tempo
        acousticness = mix.target.acousticness
        instrumentalness = mix.target.instrumentalness
        playlistID = mix.playlistID
        playlistURL = mix.playlistURL?.absoluteString
    }

    func mix(tracks: [MixTrackRow]) -> StoredMix {
        StoredMix(
            id: id, prompt: prompt, createdAt: Date(timeIntervalSince1970: createdAt),
            target: FeatureTarget(
                valence: valence, energy: energy, danceability: danceability, tempo: tempo, acousticness: acousticness,
                instrumentalness: instrumentalness),
            playlistID: playlistID, playlistURL: playlistURL.flatMap(URL.init(string:)),
            tracks: tracks.sorted { $0.position < $1.position }.map(\.track))
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One track of a recorded mix, at its place in the mix.
struct MixTrackRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "mixTrack"

    var mixID: Int64
    /// 0 for the first track.
    var position: Int
    var trackID: String
    var uri: String
    var name: String
    /// Kept as a JSON array.
    var artistNames: [String]

    enum Columns {
        static let mixID = Column(CodingKeys.mixID)
        static let trackID = Column(CodingKeys.trackID)
    }

    init(mixID: Int64, position: Int, track: StoredMix.Track) {
        self.mixID = mixID
        self.position = position
        trackID = track.id
        uri = track.uri
        name = track.name
        artistNames = track.artistNames
    }

    var track: StoredMix.Track {
        StoredMix.Track(id: trackID, uri: uri, name: name, artistNames: artistNames)
    }
}

// MARK: - Schema

enum MixSchema {
    /// The history's schema, one registered migration per version; never edit a
    /// shipped one, the history outlives versions of Setlist.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: mixes and their tracks") { db in
            try db.create(table: MixRow.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("prompt", .text).notNull()
                table.column("createdAt", .double).notNull().indexed()
                table.column("valence", .double).notNull()
                table.column("energy", .double).notNull()
                table.column("danceability", .double).notNull()
                table.column("tempo", .double)
                table.column("acousticness", .double)
                table.column("instrumentalness", .double)
                table.column("playlistID", .text)
                table.column("playlistURL", .text)
            }
            try db.create(table: MixTrackRow.databaseTableName) { table in
                table.column("mixID", .integer).notNull().references(MixRow.databaseTableName, onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("trackID", .text).notNull()
                table.column("uri", .text).notNull()
                table.column("name", .text).notNull()
                table.column("artistNames", .text).notNull()
                table.primaryKey(["mixID", "position"])
            }
        }
        return migrator
    }
}
