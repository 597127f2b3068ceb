/// How people describe the music itself: pace, loudness, texture, instruments, vocals.
extension MoodLexicon {
    static let soundDescriptions: [MoodConcept] = [
        // MARK: - Pace and drive
        MoodConcept(
            "upbeat", en: ["upbeat", "uptempo", "up tempo", "peppy", "bouncy", "catchy", "lively beat", "feel the beat",
                           "rhythmic", "with rhythm", "bop", "bops", "banger", "bangers", "jam", "jams"],
            es: ["movido", "movidito", "animado", "marchoso", "marcha", "con ritmo", "ritmico", "ritmo", "pegadizo",
                 "pegajoso", "con onda", "temazo", "temazos", "rumbero", "fiestero", "sabroso",
                 "sabrosura", "con sabor", "buen ritmo", "que se mueva", "mover el esqueleto"],
            valence: 0.2, energy: 0.3, dance: 0.25),
        MoodConcept(
            "fast", en: ["fast", "quick", "speedy", "rapid", "fast paced", "high tempo", "speed", "faster"],
            es: ["rapido", "veloz", "acelerado", "velocidad", "a toda velocidad", "a mil", "rapidito"],
            energy: 0.25, dance: 0.05),
        MoodConcept(
            "fast", en: ["fast tempo", "quick tempo", "high bpm"], es: ["tempo rapido", "ritmo rapido"],
            energy: 0.28, dance: 0.05, bpm: 140),
        MoodConcept(
            "slow", en: ["slow", "slowly", "slower", "slowed", "slow paced", "slowed down", "unhurried pace",
                         "slow burn", "leisurely"],
            es: ["lento", "lentito", "despacio", "despacito", "calmado ritmo", "a paso lento"],
            energy: -0.25, dance: -0.1),
        MoodConcept(
            "slow", en: ["slow tempo", "low tempo", "downtempo", "low bpm"], es: ["tempo lento", "ritmo lento"],
            energy: -0.28, dance: -0.08, bpm: 80),
        MoodConcept(
            nil, en: ["nonstop", "non stop", "cant stop", "dont stop", "never stop", "keep going", "keep moving",
                      "all out"],
            es: ["sin parar", "no parar", "no pares", "sin descanso", "a full", "a todo dar", "darle duro",
                 "dale duro"],
            energy: 0.22, dance: 0.1),

        // MARK: - Loudness and weight
        MoodConcept(
            "loud", en: ["loud", "loudly", "noisy", "blasting", "blast", "full volume", "turn it up", "crank it up",
                         "max volume", "booming", "thumping", "pounding", "banging"],
            es: ["ruidoso", "fuerte", "fuertes", "ruido", "a todo volumen", "a tope", "volumen alto",
                 "sube el volumen", "reventar los parlantes", "retumbar"],
            energy: 0.3, dance: 0.05),
        MoodConcept(
            "intense", en: ["intense", "intensity", "hard", "hardcore", "heavy", "heavy hitting", "hard hitting",
                            "powerful sound", "explosive", "adrenaline", "rush", "beast mode on", "full power",
                            "high intensity", "strong", "harder", "heavier"],
            es: ["intenso", "intensidad", "potente", "pesado", "cañero", "caña", "con caña", "cañera", "adrenalina",
                 "explosivo", "a toda potencia", "contundente", "fuerza", "con fuerza", "duro", "dura", "con todo el power"],
            valence: -0.03, energy: 0.35, dance: 0.03),
        MoodConcept(
            "soft", en: ["soft", "softly", "gentle", "gently", "delicate", "hushed", "whisper", "whispering", "quiet music",
                         "light music", "low volume", "muted", "subtle", "feather light", "tender music"],
            es: ["suave", "suavecito", "delicado", "bajito", "en voz baja", "susurro", "susurrando", "volumen bajo",
                 "tenue", "sutil", "ligero", "ligerito", "muy suave"],
            valence: 0.04, energy: -0.28, dance: -0.1),
        MoodConcept(
            "smooth", en: ["smooth", "silky", "velvet", "velvety", "buttery", "sleek", "groove slow"],
            es: ["fluido", "sedoso", "aterciopelado", "terciopelo"],
            valence: 0.06, energy: -0.14, dance: 0.05),
        MoodConcept(
            nil, en: ["deep", "profound", "deeply felt"],
            es: ["profundo", "hondo"],
            energy: -0.06),
        MoodConcept(
            "groovy", en: ["groovy", "groove", "grooves", "grooving", "funky", "swinging", "swaying", "sway",
                           "danceable", "dancey", "shake it", "get down", "boogie", "move my body", "move your body",
                           "bass heavy", "heavy bass", "bass boosted", "bassy", "wobble", "bounce"],
            es: ["bailable", "bailables", "groove", "sabroson", "menear", "menearse", "mover el cuerpo", "moverse",
                 "mover la cadera", "cadera", "perrear suave", "mucho bajo", "con bajo", "rebotar"],
            valence: 0.18, energy: 0.18, dance: 0.38),
        MoodConcept(
            "epic", en: ["epic", "cinematic", "anthem", "anthems", "anthemic", "soaring", "grand", "majestic",
                         "heroic", "orchestral epic", "soundtrack", "score", "movie soundtrack", "trailer music",
                         "sing along anthems", "stadium"],
            es: ["epico", "cinematografico", "himno", "himnos", "grandioso", "majestuoso", "heroico", "banda sonora",
                 "peliculero", "de estadio"],
            valence: 0.1, energy: 0.25, dance: 0.0),
        MoodConcept(
            nil, en: ["dramatic", "drama", "emotional", "emotive", "moving", "touching", "heartfelt", "passionate",
                      "passion", "soulful", "sentimental", "feelings", "feels", "all the feels"],
            es: ["dramatico", "drama", "emotivo", "emocional", "conmovedor", "sentimental", "sentimiento",
                 "sentimientos", "pasion", "apasionado", "con sentimiento", "desgarrador", "intensidad emocional"],
            valence: -0.05, energy: 0.02),
        MoodConcept(
            "atmospheric", en: ["atmospheric", "atmosphere", "spacey", "spacy", "cosmic", "space", "outer space",
                                "celestial", "expansive", "drone like", "hypnotic", "trance like", "trippy",
                                "psychedelic", "immersive", "textured", "minimal", "minimalist"],
            es: ["atmosferico", "atmosfera", "espacial", "cosmico", "celestial", "hipnotico", "psicodelico",
                 "inmersivo", "minimalista", "envolvente"],
            valence: 0.0, energy: -0.18, dance: -0.08, instrumental: 0.15),
        MoodConcept(
            nil, en: ["weird", "strange", "experimental", "quirky", "odd", "unusual", "avant garde"],
            es: ["experimental", "peculiar", "rarito"],
            valence: -0.04, energy: 0.0),
        MoodConcept(
            nil, en: ["fresh", "new", "newest", "latest", "new releases", "trending", "viral", "hits", "top hits",
                      "popular", "mainstream"],
            es: ["nuevo", "nueva", "novedades", "ultimos", "lo ultimo", "tendencia", "tendencias", "exitos",
                 "lo mas escuchado", "de moda", "populares", "virales"],
            valence: 0.05, energy: 0.04),
        MoodConcept(
            "classics", en: ["classics", "classic hits", "timeless", "evergreen", "old school", "oldschool",
                             "throwback", "throwbacks", "retro", "vintage", "oldies", "golden oldies", "old songs",
                             "back in the day"],
            es: ["clasicos", "de siempre", "de toda la vida", "antiguas", "antiguo", "viejitas", "viejitas pero bonitas",
                 "retro", "vintage", "de antes", "la vieja escuela", "old school"],
            valence: 0.06, energy: 0.0),

        // MARK: - Sound and instruments
        MoodConcept(
            "acoustic", en: ["acoustic", "unplugged", "stripped", "stripped down", "raw acoustic", "organic",
                             "live instruments", "natural sound"],
            es: ["acustico", "desenchufado", "unplugged", "en acustico", "organico", "instrumentos reales"],
            energy: -0.1, acoustic: 0.4),
        MoodConcept(
            "piano", en: ["piano", "pianos", "keys", "solo piano", "piano only", "keyboard"],
            es: ["piano", "al piano", "solo piano", "teclado"],
            valence: 0.0, energy: -0.12, dance: -0.1, acoustic: 0.3, instrumental: 0.2, implies: ["classical"]),
        MoodConcept(
            "guitar", en: ["guitar", "guitars", "acoustic guitar", "fingerstyle", "fingerpicking", "strumming"],
            es: ["guitarra", "guitarras", "guitarra acustica", "guitarreo", "rasgueo"],
            energy: -0.05, acoustic: 0.25),
        MoodConcept(
            "guitar", en: ["electric guitar", "guitar solo", "guitar solos", "shredding", "shred", "riffs", "riff",
                           "distortion", "power chords"],
            es: ["guitarra electrica", "solo de guitarra", "distorsion", "riffs"],
            energy: 0.25, acoustic: -0.2, implies: ["rock"]),
        MoodConcept(
            "strings", en: ["strings", "violin", "violins", "cello", "cellos", "string quartet", "harp"],
            es: ["cuerdas", "violin", "violines", "violonchelo", "chelo", "arpa", "cuarteto de cuerdas"],
            energy: -0.12, dance: -0.1, acoustic: 0.3, instrumental: 0.2, implies: ["classical"]),
        MoodConcept(
            "saxophone", en: ["sax", "saxophone", "trumpet", "brass", "horns"],
            es: ["saxo", "saxofon", "trompeta", "metales", "vientos"],
            energy: 0.0, acoustic: 0.2, implies: ["jazz"]),
        MoodConcept(
            "drums", en: ["drums", "drum", "percussion", "drumming", "beats", "breakbeat", "breakbeats"],
            es: ["tambores", "bateria", "percusion", "tambor"],
            energy: 0.12, dance: 0.12),
        MoodConcept(
            "synth", en: ["synth", "synths", "synthesizer", "synthesizers", "electronic sound", "electronic beats",
                          "digital", "futuristic", "robotic", "glitch", "glitchy", "8 bit", "chiptune"],
            es: ["sintetizador", "sintetizadores", "sintes", "futurista", "digital", "robotico"],
            energy: 0.08, dance: 0.08, acoustic: -0.35),

        // MARK: - Voices and words
        MoodConcept(
            "instrumental", en: ["instrumental", "instrumentals", "no lyrics", "without lyrics", "no vocals",
                                 "without vocals", "no words", "without words", "no singing", "wordless",
                                 "no voice", "no voices", "lyricless", "only instruments", "no talking"],
            es: ["instrumental", "instrumentales", "sin letra", "sin letras", "sin voz", "sin voces", "sin cantante",
                 "sin palabras", "sin vocales", "solo instrumentos", "solo instrumental", "que no tenga letra"],
            energy: -0.05, instrumental: 0.45),
        MoodConcept(
            "sing along", en: ["sing along", "singalong", "sing", "singing", "karaoke", "lyrics", "with lyrics",
                               "belt it out", "scream along", "sing my heart out", "vocals", "voice", "vocal",
                               "singer", "singers"],
            es: ["cantar", "cantando", "karaoke", "para cantar", "con letra", "letra", "letras", "cantar a gritos",
                 "a todo pulmon", "voz", "voces", "cantante", "cantantes"],
            valence: 0.1, energy: 0.1, instrumental: -0.35),
        MoodConcept(
            "ballad", en: ["ballad", "ballads", "power ballad", "slow songs", "slow jams",
                           "slow jam", "torch song"],
            es: ["balada", "baladas", "lentos", "lentas", "romanticas",
                 "baladas romanticas"],
            valence: -0.02, energy: -0.2, dance: -0.1, acoustic: 0.1),
        MoodConcept(
            "background", en: ["background", "background music", "in the background", "ambient noise",
                               "elevator music", "unobtrusive", "non distracting", "not distracting",
                               "no distractions", "without distractions", "white noise"],
            es: ["de fondo", "musica de fondo", "ambientacion", "sin distracciones", "que no distraiga",
                 "que no me distraiga", "ruido blanco"],
            energy: -0.16, dance: -0.05, instrumental: 0.12),
        MoodConcept(
            "latin", en: ["latin", "latino", "latina", "latin music", "latin vibes"],
            es: ["latina", "musica latina", "latino", "latinos", "ritmos latinos", "sabor latino"],
            valence: 0.1, energy: 0.08, dance: 0.12, implies: ["pop latino"]),
        MoodConcept(
            "english", en: ["in english", "english songs"], es: ["en ingles", "ingles"]),
        MoodConcept("spanish", en: ["in spanish", "spanish songs", "spanish"], es: ["en español", "español"]),
    ]
}
