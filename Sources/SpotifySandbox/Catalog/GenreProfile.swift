/// A genre of the demo catalog and how its music sounds, so that a track's genre
/// and its audio features agree the way they do in real catalogs.
public struct GenreProfile: Sendable, Hashable, Codable {
    /// A feature's typical value in the genre and how far tracks stray from it.
    public struct Spread: Sendable, Hashable, Codable {
        public var mean: Double
        public var deviation: Double
    }

    public var name: String
    /// Whether artists of this genre are mostly given Spanish names.
    public var spanish: Bool
    public var energy: Spread
    public var valence: Spread
    public var danceability: Spread
    public var acousticness: Spread
    public var instrumentalness: Spread
    public var tempo: Spread
    public var loudness: Spread
    public var speechiness: Spread

    init(
        _ name: String, spanish: Bool = false, energy: Double, valence: Double, dance: Double, acoustic: Double,
        instrumental: Double, tempo: Double, tempoSpread: Double, loudness: Double, speech: Double = 0.05
    ) {
        self.name = name
        self.spanish = spanish
        self.energy = Spread(mean: energy, deviation: 0.08)
        self.valence = Spread(mean: valence, deviation: 0.12)
        self.danceability = Spread(mean: dance, deviation: 0.08)
        self.acousticness = Spread(mean: acoustic, deviation: 0.12)
        self.instrumentalness = Spread(mean: instrumental, deviation: 0.1)
        self.tempo = Spread(mean: tempo, deviation: tempoSpread)
        self.loudness = Spread(mean: loudness, deviation: 1.8)
        self.speechiness = Spread(mean: speech, deviation: 0.03)
    }

    /// The genres of the demo catalog.
    public static let all: [GenreProfile] = [
        GenreProfile("lofi hip hop", energy: 0.3, valence: 0.45, dance: 0.65, acoustic: 0.55, instrumental: 0.8, tempo: 80, tempoSpread: 8, loudness: -12, speech: 0.08),
        GenreProfile("jazz", energy: 0.35, valence: 0.5, dance: 0.5, acoustic: 0.8, instrumental: 0.6, tempo: 110, tempoSpread: 22, loudness: -13),
        GenreProfile("bossa nova", energy: 0.33, valence: 0.62, dance: 0.6, acoustic: 0.82, instrumental: 0.3, tempo: 125, tempoSpread: 10, loudness: -13),
        GenreProfile("ambient", energy: 0.15, valence: 0.25, dance: 0.25, acoustic: 0.7, instrumental: 0.9, tempo: 72, tempoSpread: 14, loudness: -20),
        GenreProfile("classical", energy: 0.18, valence: 0.3, dance: 0.25, acoustic: 0.95, instrumental: 0.92, tempo: 95, tempoSpread: 22, loudness: -20),
        GenreProfile("acoustic folk", energy: 0.35, valence: 0.5, dance: 0.5, acoustic: 0.85, instrumental: 0.05, tempo: 105, tempoSpread: 14, loudness: -11),
        GenreProfile("indie pop", energy: 0.6, valence: 0.6, dance: 0.62, acoustic: 0.25, instrumental: 0.05, tempo: 118, tempoSpread: 12, loudness: -7),
        GenreProfile("synthpop", energy: 0.72, valence: 0.6, dance: 0.7, acoustic: 0.08, instrumental: 0.1, tempo: 122, tempoSpread: 8, loudness: -6),
        GenreProfile("house", energy: 0.8, valence: 0.6, dance: 0.82, acoustic: 0.03, instrumental: 0.6, tempo: 124, tempoSpread: 3, loudness: -6),
        GenreProfile("techno", energy: 0.88, valence: 0.35, dance: 0.75, acoustic: 0.02, instrumental: 0.85, tempo: 130, tempoSpread: 5, loudness: -7),
        GenreProfile("drum and bass", energy: 0.92, valence: 0.45, dance: 0.6, acoustic: 0.02, instrumental: 0.5, tempo: 174, tempoSpread: 3, loudness: -5),
        GenreProfile("hip hop", energy: 0.65, valence: 0.5, dance: 0.78, acoustic: 0.12, instrumental: 0.02, tempo: 92, tempoSpread: 10, loudness: -6, speech: 0.3),
        GenreProfile("rock", energy: 0.82, valence: 0.5, dance: 0.48, acoustic: 0.05, instrumental: 0.05, tempo: 128, tempoSpread: 18, loudness: -5),
        GenreProfile("metal", energy: 0.95, valence: 0.3, dance: 0.4, acoustic: 0.01, instrumental: 0.15, tempo: 140, tempoSpread: 22, loudness: -4),
        GenreProfile("punk", energy: 0.92, valence: 0.55, dance: 0.45, acoustic: 0.02, instrumental: 0.02, tempo: 170, tempoSpread: 14, loudness: -4),
        GenreProfile("soul", energy: 0.55, valence: 0.65, dance: 0.65, acoustic: 0.35, instrumental: 0.02, tempo: 100, tempoSpread: 14, loudness: -8),
        GenreProfile("funk", energy: 0.75, valence: 0.8, dance: 0.8, acoustic: 0.15, instrumental: 0.1, tempo: 108, tempoSpread: 8, loudness: -6),
        GenreProfile("reggaeton", spanish: true, energy: 0.78, valence: 0.7, dance: 0.82, acoustic: 0.12, instrumental: 0.01, tempo: 94, tempoSpread: 4, loudness: -5, speech: 0.12),
        GenreProfile("salsa", spanish: true, energy: 0.78, valence: 0.85, dance: 0.72, acoustic: 0.35, instrumental: 0.05, tempo: 180, tempoSpread: 12, loudness: -6),
        GenreProfile("flamenco", spanish: true, energy: 0.55, valence: 0.45, dance: 0.55, acoustic: 0.85, instrumental: 0.2, tempo: 120, tempoSpread: 22, loudness: -9),
        GenreProfile("cumbia", spanish: true, energy: 0.7, valence: 0.85, dance: 0.8, acoustic: 0.35, instrumental: 0.1, tempo: 96, tempoSpread: 6, loudness: -6),
        GenreProfile("pop latino", spanish: true, energy: 0.72, valence: 0.7, dance: 0.72, acoustic: 0.15, instrumental: 0.01, tempo: 100, tempoSpread: 14, loudness: -5),
        GenreProfile("bolero", spanish: true, energy: 0.3, valence: 0.35, dance: 0.45, acoustic: 0.8, instrumental: 0.05, tempo: 85, tempoSpread: 10, loudness: -11),
        GenreProfile("trap latino", spanish: true, energy: 0.65, valence: 0.4, dance: 0.75, acoustic: 0.1, instrumental: 0.01, tempo: 140, tempoSpread: 10, loudness: -6, speech: 0.2),
    ]
}
