/// Genres, spelled as the catalog spells them. Each also moves the features its music
/// typically has: reggaeton is danceable and energetic, ambient quiet and wordless.
extension MoodLexicon {
    /// The demo catalog's genres; prompts that name one, or a synonym, get exactly this string.
    static let catalogGenres: [String] = [
        "lofi hip hop", "jazz", "bossa nova", "ambient", "classical", "acoustic folk", "indie pop", "synthpop",
        "house", "techno", "drum and bass", "hip hop", "rock", "metal", "punk", "soul", "funk", "reggaeton", "salsa",
        "flamenco", "cumbia", "pop latino", "bolero", "trap latino",
    ]

    static let genres: [MoodConcept] = [
        // MARK: - The catalog's genres
        .genre(
            "lofi hip hop", also: ["lofi", "lo fi", "lofi beats", "lo fi beats", "lofi hiphop", "lo fi hip hop",
                                   "chillhop", "chill hop", "study beats", "beats to study", "beats to relax",
                                   "jazzhop", "jazz hop", "lofi girl"],
            valence: 0.04, energy: -0.25, dance: 0.06, acoustic: 0.1, instrumental: 0.35, bpm: 80),
        .genre(
            "jazz", also: ["jazzy", "smooth jazz", "bebop", "swing", "big band", "jazz standards", "cool jazz",
                           "jazz club", "jazz bar", "acid jazz"],
            valence: 0.08, energy: -0.1, dance: 0.04, acoustic: 0.3, instrumental: 0.22),
        .genre(
            "bossa nova", also: ["bossa", "bossanova", "brazilian jazz", "mpb"],
            valence: 0.12, energy: -0.16, dance: 0.06, acoustic: 0.35, instrumental: 0.1),
        .genre(
            "ambient", also: ["ambient music", "drone", "drones", "soundscape", "soundscapes", "dark ambient",
                              "space music", "new age"],
            es: ["musica ambiental", "ambiental", "paisajes sonoros"],
            valence: 0.0, energy: -0.35, dance: -0.25, acoustic: 0.05, instrumental: 0.4),
        .genre(
            "classical", also: ["classical music", "orchestra", "orchestral", "symphony", "symphonic", "symphonies",
                                "baroque", "opera", "chamber music", "concerto", "sonata", "mozart", "bach",
                                "beethoven", "chopin", "vivaldi", "debussy", "neoclassical", "neo classical"],
            es: ["clasica", "musica clasica", "orquesta", "orquestal", "sinfonia", "sinfonica", "barroco", "barroca",
                 "opera", "musica de camara", "concierto de piano", "neoclasica"],
            valence: 0.0, energy: -0.2, dance: -0.2, acoustic: 0.4, instrumental: 0.4),
        .genre(
            "acoustic folk", also: ["folk", "folky", "folk music", "indie folk", "singer songwriter",
                                    "americana", "folk pop"],
            es: ["cantautor", "cantautores", "musica folk", "folk acustico"],
            valence: 0.05, energy: -0.15, dance: -0.04, acoustic: 0.4),
        .genre(
            "indie pop", also: ["bedroom pop", "dream pop", "twee", "indie pop rock"],
            valence: 0.16, energy: 0.05, dance: 0.1, acoustic: -0.05),
        .genre(
            "synthpop", also: ["synth pop", "synthwave", "retrowave", "new wave", "electropop",
                               "electro pop", "outrun", "80s synth"],
            valence: 0.15, energy: 0.15, dance: 0.2, acoustic: -0.35),
        .genre(
            "house", also: ["house music", "deep house", "tech house", "progressive house", "afro house",
                            "tropical house", "funky house", "disco house", "garage"],
            es: ["musica house"],
            valence: 0.12, energy: 0.25, dance: 0.35, acoustic: -0.35, instrumental: 0.15, bpm: 124),
        .genre(
            "techno", also: ["techno music", "minimal techno", "hard techno", "berlin techno", "acid techno",
                             "industrial techno", "melodic techno"],
            valence: -0.05, energy: 0.35, dance: 0.3, acoustic: -0.4, instrumental: 0.3, bpm: 130),
        .genre(
            "drum and bass", also: ["drum & bass", "drum n bass", "drumnbass", "drum'n'bass", "dnb", "d&b", "d n b",
                                    "jungle", "liquid dnb", "liquid drum and bass", "neurofunk"],
            valence: 0.05, energy: 0.4, dance: 0.15, acoustic: -0.35, bpm: 174),
        .genre(
            "hip hop", also: ["hiphop", "hip hop music", "rap", "rapper", "rappers", "rap music", "boom bap", "old school hip hop",
                              "gangsta rap", "conscious rap", "drill", "grime"],
            es: ["rapero", "raperos", "musica rap", "hip hop en español", "rap en español"],
            valence: 0.05, energy: 0.15, dance: 0.25, acoustic: -0.15, bpm: 92),
        .genre(
            "rock", also: ["rock music", "rock and roll", "rock n roll", "rock'n'roll", "rocknroll", "classic rock",
                           "hard rock", "alt rock", "alternative rock", "alternative", "indie rock", "garage rock",
                           "soft rock", "arena rock", "grunge", "🎸"],
            es: ["rockero", "roquero", "rock clasico", "rock en español", "rock alternativo", "rock nacional"],
            valence: 0.05, energy: 0.3, dance: 0.0, acoustic: -0.1),
        .genre(
            "metal", also: ["heavy metal", "metalcore", "death metal", "black metal", "thrash", "thrash metal",
                            "nu metal", "doom metal", "power metal", "metalhead", "headbanger", "🤘"],
            es: ["metalero", "metaleros"],
            valence: -0.15, energy: 0.42, dance: -0.1, acoustic: -0.3),
        .genre(
            "punk", also: ["punk rock", "pop punk", "hardcore punk", "post punk", "skate punk", "ska punk",
                           "punks"],
            es: ["punketo", "punki", "punkero"],
            valence: 0.0, energy: 0.38, dance: 0.05, acoustic: -0.2),
        .genre(
            "soul", also: ["soul music", "neo soul", "motown", "northern soul", "classic soul"],
            valence: 0.12, energy: 0.0, dance: 0.12, acoustic: 0.05),
        .genre(
            "funk", also: ["funk music", "p funk", "funk soul", "electro funk"],
            valence: 0.25, energy: 0.22, dance: 0.35),
        .genre(
            "reggaeton", also: ["regueton", "reguetón", "reggeaton", "reggaetón viejo",
                                "perreo", "perrear", "perreito", "dembow", "bad bunny", "daddy yankee"],
            es: ["musica urbana", "urbano latino", "reggaeton viejo", "reguetoncito"],
            valence: 0.2, energy: 0.28, dance: 0.4, acoustic: -0.2, bpm: 95),
        .genre(
            "salsa", also: ["salsa dura", "salsa romantica", "salsa brava", "timba", "son cubano", "salsa music"],
            es: ["salsero", "salseros", "salsita"],
            valence: 0.25, energy: 0.25, dance: 0.35, acoustic: 0.1),
        .genre(
            "flamenco", also: ["rumba flamenca", "bulerias", "sevillanas", "cante jondo", "flamenco pop",
                               "nuevo flamenco"],
            es: ["flamenquito", "flamenqueo"],
            valence: 0.0, energy: 0.1, dance: 0.06, acoustic: 0.35),
        .genre(
            "cumbia", also: ["cumbias", "cumbion", "cumbia villera", "cumbia sonidera", "cumbia colombiana",
                             "cumbia santafesina", "chicha"],
            es: ["cumbiambera", "cumbiero"],
            valence: 0.25, energy: 0.2, dance: 0.38),
        .genre(
            "pop latino", also: ["latin pop", "latino pop", "pop en español", "pop en espanol", "pop latin"],
            es: ["pop latinoamericano", "pop hispano"],
            valence: 0.25, energy: 0.15, dance: 0.25),
        .genre(
            "bolero", also: ["boleros", "bolero romantico", "trio romantico"],
            es: ["bolerito", "boleritos"],
            valence: -0.04, energy: -0.2, dance: 0.05, acoustic: 0.3),
        .genre(
            "trap latino", also: ["latin trap", "trap en español", "trap en espanol"],
            es: ["trap argentino", "trap español"],
            valence: -0.05, energy: 0.2, dance: 0.25, acoustic: -0.25),

        // MARK: - Other genres
        .genre("pop", also: ["pop music", "pop hits", "dance pop", "teen pop"], valence: 0.2, energy: 0.15, dance: 0.2),
        .genre("k-pop", also: ["kpop", "k pop", "korean pop"], valence: 0.25, energy: 0.25, dance: 0.3),
        .genre("j-pop", also: ["jpop", "j pop", "anime", "anime songs", "city pop"], valence: 0.22, energy: 0.15, dance: 0.15),
        .genre("indie", also: ["indie music", "indie vibes"], valence: 0.06, energy: 0.02),
        .genre(
            "blues", also: ["the blues", "blues music", "delta blues", "blues rock"],
            valence: -0.18, energy: -0.05, dance: 0.0, acoustic: 0.2),
        .genre(
            "country", also: ["country music", "bluegrass", "honky tonk", "western"],
            es: ["musica country"],
            valence: 0.1, energy: 0.05, dance: 0.05, acoustic: 0.3),
        .genre(
            "edm", also: ["electronic dance music", "big room", "festival edm", "electro house", "hardstyle",
                          "dubstep", "brostep", "trance", "eurodance", "euro dance"],
            valence: 0.15, energy: 0.38, dance: 0.35, acoustic: -0.4, bpm: 128),
        .genre(
            "electronic", also: ["electronica", "electronic music", "electro", "idm", "downtempo electronic",
                                 "chillwave", "trip hop"],
            es: ["electronica", "musica electronica"],
            valence: 0.05, energy: 0.12, dance: 0.15, acoustic: -0.35),
        .genre(
            "r&b", also: ["rnb", "r n b", "r and b", "rhythm and blues", "contemporary r&b", "slow r&b"],
            valence: 0.08, energy: -0.05, dance: 0.2),
        .genre(
            "disco", also: ["disco music", "nu disco", "disco funk", "70s disco", "🪩"],
            valence: 0.3, energy: 0.25, dance: 0.4),
        .genre(
            "reggae", also: ["roots reggae", "dub", "ska", "rocksteady", "dancehall"],
            valence: 0.18, energy: -0.02, dance: 0.28),
        .genre(
            "bachata", also: ["bachatas", "bachata romantica", "bachatita"],
            valence: 0.05, energy: 0.05, dance: 0.3, acoustic: 0.1),
        .genre("merengue", also: ["merengues", "merengue urbano"], valence: 0.28, energy: 0.3, dance: 0.4),
        .genre("tango", also: ["tangos", "tango argentino", "milonga", "nuevo tango"], valence: -0.06, energy: 0.05, dance: 0.2),
        .genre(
            "regional mexicano", also: ["regional mexicana", "ranchera", "rancheras", "mariachi", "corridos",
                                        "corridos tumbados", "norteño", "norteña", "banda sinaloense",
                                        "sierreño"],
            valence: 0.05, energy: 0.12, dance: 0.12, acoustic: 0.25),
        .genre("vallenato", also: ["vallenatos"], valence: 0.12, energy: 0.1, dance: 0.25, acoustic: 0.25),
        .genre("gospel", also: ["gospel music", "worship", "christian music", "praise"], valence: 0.25, energy: 0.1),
        .genre("trap", also: ["trap music", "trap beats"], valence: -0.05, energy: 0.2, dance: 0.25, acoustic: -0.25),
        .genre("emo", also: ["emo music", "midwest emo"], valence: -0.28, energy: 0.18, acoustic: -0.1),
        .genre("shoegaze", also: ["dreamgaze", "noise pop"], valence: -0.05, energy: 0.02, acoustic: -0.2),
        .genre("afrobeats", also: ["afrobeat", "afropop", "amapiano", "afro beats"], valence: 0.25, energy: 0.2, dance: 0.38),
        .genre("folklore", also: ["folclore", "chacarera", "zamba", "musica andina"], valence: 0.05, energy: 0.0, acoustic: 0.35),
    ]
}
