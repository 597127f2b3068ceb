import Curation
import Foundation
import Testing

@testable import SpotifyServer

/// The feature cache on real files in a temporary folder.
@Suite struct FeatureStoreTests {
    static let day: TimeInterval = 24 * 60 * 60
    /// 2026-01-15 09:30:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_768_469_400)

    static func measured(_ origin: FeatureOrigin = .reccoBeats, valence: Double = 0.7) -> TrackFeatures {
        TrackFeatures(valence: valence, energy: 0.6, danceability: 0.5, tempo: 121, acousticness: 0.1, instrumentalness: 0.02,
            origin: origin)
    }

    static func store(_ folder: TemporaryFolder, at date: Date = start, logger: CapturedLogs? = nil) -> FeatureStore {
        if let logger {
            return FeatureStore(directory: folder.path, now: { date }, logger: logger.logger)
        }
        return FeatureStore(directory: folder.path, now: { date })
    }

    // MARK: - Round trips

    @Test(arguments: [
        TrackFeatures(valence: 0.91, energy: 0.12, danceability: 0.33, tempo: 87.5, acousticness: 0.8, instrumentalness: 0.4,
            origin: .spotify),
        TrackFeatures(valence: 0.2, energy: 0.85, danceability: 0.64, origin: .spotify),
        TrackFeatures(valence: 0.05, energy: 0.99, danceability: 0.71, tempo: 174, acousticness: 0.001, instrumentalness: 0.9,
            origin: .reccoBeats),
        TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .reccoBeats),
    ])
    func measuredFeaturesComeBackAsTheyWent(_ features: TrackFeatures) async throws {
        let folder = try TemporaryFolder()
        try await Self.store(folder).remember(["4uLU6hMCjMI75M1A2tKUQC": features])
        // A second store on the same file: the values come from the file, not from memory.
        let found = try await Self.store(folder).features(for: ["4uLU6hMCjMI75M1A2tKUQC", "0000000000000000000000"])
        #expect(found == ["4uLU6hMCjMI75M1A2tKUQC": features])
    }

    @Test func estimatesAreNotKeptAndDoNotReplaceAMeasurement() async throws {
        let folder = try TemporaryFolder()
        let store = Self.store(folder)
        let estimate = TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .genrePrior("jazz"))
        try await store.remember([
            "measured": Self.measured(.spotify),
            "genre": estimate,
            "tags": TrackFeatures(valence: 0.4, energy: 0.3, danceability: 0.2, origin: .tagPrior(["rainy", "calm"])),
            "unknown": TrackFeatures(valence: 0.5, energy: 0.5, danceability: 0.5, origin: .unknown),
        ])
        try await store.remember(["measured": estimate])
        let found = try await store.features(for: ["measured", "genre", "tags", "unknown"])
        #expect(found == ["measured": Self.measured(.spotify)])
    }

    @Test func aLaterMeasurementReplacesTheEarlierOne() async throws {
        let folder = try TemporaryFolder()
        try await Self.store(folder).remember(["a": Self.measured(.spotify, valence: 0.1)])
        try await Self.store(folder, at: Self.start + Self.day).remember(["a": Self.measured(.reccoBeats, valence: 0.9)])
        #expect(try await Self.store(folder).features(for: ["a"]) == ["a": Self.measured(.reccoBeats, valence: 0.9)])
    }

    @Test func aThousandIdsInOneRead() async throws {
        let folder = try TemporaryFolder()
        let store = Self.store(folder)
        let ids = (0..<1000).map { String(format: "track%017d", $0) }
        let remembered = Dictionary(uniqueKeysWithValues: ids.enumerated().map { index, id in
            (id, Self.measured(index.isMultiple(of: 2) ? .spotify : .reccoBeats, valence: Double(index) / 1000))
        })
        try await store.remember(remembered)
        let unknown = (0..<250).map { "missing\($0)" }
        let found = try await store.features(for: ids + unknown + ids.prefix(10))
        #expect(found.count == 1000)
        #expect(found == remembered)
    }

    @Test func noIdsNeedNoFile() async throws {
        let folder = try TemporaryFolder()
        #expect(try await Self.store(folder).features(for: []) == [:])
        #expect(try folder.names().isEmpty)
    }

    // MARK: - Expiry

    @Test func entriesExpireAfterThirtyDaysAndArePruned() async throws {
        let folder = try TemporaryFolder()
        try await Self.store(folder).remember(["old": Self.measured()])
        #expect(try await Self.store(folder, at: Self.start + 29 * Self.day).features(for: ["old"]).count == 1)
        #expect(try await Self.store(folder, at: Self.start + 31 * Self.day).features(for: ["old"]).isEmpty)

        // A write a month later drops the expired entry from the file: even a clock set
        // back to when it was fetched no longer finds it.
        try await Self.store(folder, at: Self.start + 31 * Self.day).remember(["new": Self.measured()])
        #expect(try await Self.store(folder).features(for: ["old", "new"]).keys.sorted() == ["new"])
    }

    @Test func theExpiryCanBeChosen() async throws {
        let folder = try TemporaryFolder()
        let hourly = { (date: Date) in FeatureStore(directory: folder.path, expiry: 3600, now: { date }) }
        try await hourly(Self.start).remember(["a": Self.measured()])
        #expect(try await hourly(Self.start + 3599).features(for: ["a"]).count == 1)
        #expect(try await hourly(Self.start + 3601).features(for: ["a"]).isEmpty)
    }

    // MARK: - Damage

    @Test func aGarbageFileIsMovedAsideAndANewCacheStarted() async throws {
        let folder = try TemporaryFolder()
        let bad = garbage()
        try bad.write(to: URL(fileURLWithPath: folder.file("features.sqlite")))
        let logs = CapturedLogs()
        let store = Self.store(folder, logger: logs)

        #expect(try await store.features(for: ["a"]) == [:])
        let aside = folder.file("features.sqlite.corrupt-20260115T093000Z")
        #expect(FileManager.default.contents(atPath: aside) == bad)

        try await store.remember(["a": Self.measured()])
        #expect(try await store.features(for: ["a"]) == ["a": Self.measured()])
        #expect(try await Self.store(folder).features(for: ["a"]) == ["a": Self.measured()])

        let warnings = logs.lines.withLock { $0.filter { $0.level == .warning } }
        #expect(warnings.count == 1)
        #expect(warnings.first?.text.contains(aside) == true)
    }

    @Test func aDamagedPageIsMovedAsideToo() async throws {
        let folder = try TemporaryFolder()
        do {
            try await Self.store(folder).remember(["a": Self.measured()])
        }
        // The header stays a SQLite header; the schema page behind it is overwritten.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("features.sqlite")))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: garbage(count: 3996))
        try handle.close()

        let store = Self.store(folder, at: Self.start + Self.day)
        #expect(try await store.features(for: ["a"]) == [:])
        #expect(try folder.names().contains("features.sqlite.corrupt-20260116T093000Z"))
        try await store.remember(["b": Self.measured()])
        #expect(try await store.features(for: ["a", "b"]).keys.sorted() == ["b"])
    }

    @Test func aSecondDamageTheSameSecondGetsItsOwnName() async throws {
        let folder = try TemporaryFolder()
        for _ in 0..<2 {
            try garbage().write(to: URL(fileURLWithPath: folder.file("features.sqlite")))
            #expect(try await Self.store(folder).features(for: ["a"]) == [:])
        }
        let asides = try folder.names().filter { $0.contains(".corrupt-") }
        #expect(asides == ["features.sqlite.corrupt-20260115T093000Z", "features.sqlite.corrupt-20260115T093000Z-2"])
    }

    // MARK: - Locks

    @Test(.timeLimit(.minutes(1))) func aWriteLockHeldElsewhereFailsClearlyAfterTheBusyTimeout() async throws {
        let folder = try TemporaryFolder()
        let store = Self.store(folder)
        try await store.remember(["a": Self.measured()])
        try await whileLocked(store.path) { () async throws in
            let clock = ContinuousClock()
            let started = clock.now
            await #expect(throws: StoreError.locked(.featureCache, path: store.path)) {
                try await store.remember(["b": Self.measured()])
            }
            let waited = clock.now - started
            #expect(waited >= .seconds(1.5) && waited < .seconds(10), "waited \(waited)")
            // Readers go on while another process writes.
            #expect(try await store.features(for: ["a"]).count == 1)
        }
        // And the store works again once the lock is gone.
        try await store.remember(["b": Self.measured()])
        #expect(try await store.features(for: ["a", "b"]).count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func openingAFileLockedElsewhereFailsClearly() async throws {
        let folder = try TemporaryFolder()
        let store = Self.store(folder)
        // A file another process made without WAL, and holds: even reading must wait.
        _ = FileManager.default.createFile(atPath: store.path, contents: nil)
        try await whileLocked(store.path) { () async throws in
            await #expect(throws: StoreError.locked(.featureCache, path: store.path)) {
                try await store.features(for: ["a"])
            }
        }
        #expect(try await store.features(for: ["a"]) == [:])
    }

    // MARK: - Where

    @Test func theStandardCacheIsInTheDataFolder() throws {
        let store = FeatureStore.standard(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/someone"])
        #expect(store.path == "/data/setlist/features.sqlite")
        #expect(FeatureStore.standard(environment: ["HOME": "/home/someone"]).path
            == "/home/someone/.local/share/setlist/features.sqlite")
    }
}
