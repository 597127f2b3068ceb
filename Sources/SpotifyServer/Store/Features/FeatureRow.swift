import Curation
import Foundation
import GRDB

/// One track's remembered features as the cache's table holds them. Only measured
/// features are kept: estimates are cheap to redo and would hide a later measurement.
struct FeatureRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trackFeatures"

    var trackID: String
    var valence: Double
    var energy: Double
    var danceability: Double
    var tempo: Double?
    var acousticness: Double?
    var instrumentalness: Double?
    /// `spotify` or `reccobeats`.
    var origin: String
    /// Seconds since 1970, so that expiry is one comparison.
    var fetchedAt: Double

    enum Columns {
        static let trackID = Column(CodingKeys.trackID)
        static let fetchedAt = Column(CodingKeys.fetchedAt)
    }

    // MARK: - From and to Curation's features

    /// The row for measured features; nil for estimates.
    init?(trackID: String, features: TrackFeatures, fetchedAt: Date) {
        guard let origin = Self.name(of: features.origin) else { return nil }
        self.trackID = trackID
        valence = features.valence
        energy = features.energy
        danceability = features.danceability
        tempo = features.tempo
        acousticness = features.acousticness
        instrumentalness = features.instrumentalness
        self.origin = origin
        self.fetchedAt = fetchedAt.timeIntervalSince1970
    }

    /// The features, or nil for an origin this version does not know.
    var features: TrackFeatures? {
        guard let origin = Self.origin(named: origin) else { return nil }
        return TrackFeatures(
            valence: valence, energy: energy, danceability: danceability, tempo: tempo, acousticness: acousticness,
            instrumentalness: instrumentalness, origin: origin)
    }

    static func name(of origin: FeatureOrigin) -> String? {
        switch origin {
        case .spotify: "spotify"
        case .reccoBeats: "reccobeats"
        case .genrePrior, .tagPrior, .unknown: nil
        }
    }

    static func origin(named name: String) -> FeatureOrigin? {
        switch name {
        case "spotify": .spotify
        case "reccobeats": .reccoBeats
        default: nil
        }
    }

    // MARK: - Schema

    /// The cache's schema, one registered migration per version; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: track features") { db in
            try db.create(table: databaseTableName) { table in
                table.primaryKey("trackID", .text)
                table.column("valence", .double).notNull()
                table.column("energy", .double).notNull()
                table.column("danceability", .double).notNull()
                table.column("tempo", .double)
                table.column("acousticness", .double)
                table.column("instrumentalness", .double)
                table.column("origin", .text).notNull()
                table.column("fetchedAt", .double).notNull().indexed()
            }
        }
        return migrator
    }
}
