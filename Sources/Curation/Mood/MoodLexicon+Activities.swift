/// What the listener will be doing. Each activity sets the energy people usually want for it
/// and, where a kind of playlist is known for it, suggests genres.
extension MoodLexicon {
    static let activities: [MoodConcept] = [
        // MARK: - Moving
        MoodConcept(
            "workout", en: ["workout", "workouts", "work out", "working out", "exercise", "exercising", "training",
                            "train hard", "lifting", "lift", "lifting weights", "weights", "weightlifting",
                            "crossfit", "hiit", "cardio", "fitness", "bodybuilding", "pushups", "squats",
                            "personal best", "pre workout", "preworkout", "sweat", "sweating",
                            "boxing", "kickboxing", "martial arts", "sports", "sport", "warm up", "warmup"],
            es: ["entrenar", "entrenamiento", "entreno", "entrenando", "para entrenar", "ejercicio",
                 "hacer ejercicio", "haciendo ejercicio", "pesas", "levantar pesas", "gimnasia", "crossfit",
                 "cardio", "fitness", "sudar", "sudando", "rutina", "rutina de ejercicio", "deporte", "deportes",
                 "boxeo", "calentamiento", "calentar", "musculacion", "fierros"],
            valence: 0.05, energy: 0.35, dance: 0.12, activity: .workout, bpm: 128),
        MoodConcept(
            "gym", en: ["gym", "the gym", "gym session", "gym time", "leg day", "arm day", "chest day"],
            es: ["gimnasio", "gym", "el gym", "el gimnasio", "dia de pierna"],
            valence: 0.04, energy: 0.3, dance: 0.1, activity: .workout),
        MoodConcept(
            "running", en: ["run", "running", "runs", "jog", "jogging", "runner", "marathon", "half marathon",
                            "sprint", "sprints", "sprinting", "5k", "10k", "treadmill", "trail run"],
            es: ["correr", "corriendo", "carrera", "trotar", "trotando", "trote", "maraton", "media maraton",
                 "salir a correr", "running", "sprint"],
            valence: 0.05, energy: 0.35, dance: 0.1, activity: .running, bpm: 165),
        MoodConcept(
            "cycling", en: ["cycling", "bike", "biking", "bicycle", "bike ride", "spin class", "spinning", "peloton",
                            "mountain bike"],
            es: ["ciclismo", "bici", "bicicleta", "en bici", "pedalear", "pedaleando", "spinning"],
            valence: 0.05, energy: 0.3, dance: 0.08, activity: .cycling),
        MoodConcept(
            "walk", en: ["walk", "walking", "walks", "stroll", "strolling", "hike", "hiking", "hikes", "trek",
                         "trekking", "wander", "wandering", "dog walk", "walk the dog"],
            es: ["caminar", "caminando", "caminata", "paseo", "pasear", "paseando", "senderismo", "excursion",
                 "andar", "pasear al perro"],
            valence: 0.1, energy: 0.04, activity: .walking),
        MoodConcept(
            "yoga", en: ["yoga", "pilates", "stretching", "stretch", "stretches", "tai chi", "vinyasa", "flow"],
            es: ["yoga", "pilates", "estiramiento", "estiramientos", "estirar", "taichi", "tai chi"],
            valence: 0.06, energy: -0.25, dance: -0.12, instrumental: 0.12, implies: ["ambient"],
            activity: .yoga),
        MoodConcept(
            "meditation", en: ["meditate", "meditation", "meditating", "mindfulness", "mindful", "breathing",
                               "breathwork", "deep breathing", "breathe", "guided meditation", "sound bath",
                               "chakra", "chakras", "reiki"],
            es: ["meditar", "meditacion", "meditando", "mindfulness", "respirar", "respiracion",
                 "respiracion profunda", "atencion plena", "chakras", "reiki"],
            valence: 0.06, energy: -0.35, dance: -0.2, instrumental: 0.3, implies: ["ambient"],
            activity: .meditation),

        // MARK: - Thinking
        MoodConcept(
            "focus", en: ["focus", "focused", "focusing", "concentrate", "concentrating", "concentration",
                          "deep focus", "deep work", "productive", "productivity", "get things done", "flow state",
                          "in the zone", "lock in", "locked in", "brain power"],
            es: ["concentrarme", "concentrar", "concentracion", "concentrado", "enfocado", "enfocarme", "enfoque",
                 "productivo", "productividad", "foco", "concentrarse", "modo concentracion"],
            valence: 0.0, energy: -0.2, dance: -0.1, instrumental: 0.2, activity: .focus),
        MoodConcept(
            "study", en: ["study", "studying", "studies", "homework", "revision", "revising", "exam prep",
                          "study session", "cramming", "cram", "library", "thesis", "essay", "assignment",
                          "school work", "schoolwork", "learning"],
            es: ["estudiar", "estudiando", "estudio", "estudios", "tarea", "tareas", "deberes", "biblioteca",
                 "tesis", "repasar", "repaso", "aprender", "la facu", "apuntes"],
            valence: 0.0, energy: -0.2, dance: -0.1, instrumental: 0.2, implies: ["lofi hip hop"],
            activity: .focus),
        MoodConcept(
            "exam", en: ["exam", "exams", "finals", "midterms", "test day"],
            es: ["examen", "examenes", "parcial", "parciales", "selectividad", "oposiciones"],
            valence: -0.06, energy: -0.04),
        MoodConcept(
            "work", en: ["work", "working", "office", "at work", "workday", "work day", "job", "at the office",
                         "coding", "programming", "code", "debugging", "spreadsheets", "emails", "meeting",
                         "meetings", "workplace", "remote work", "wfh", "work from home"],
            es: ["trabajo", "trabajar", "trabajando", "oficina", "en el trabajo", "jornada", "jornada laboral",
                 "programar", "programando", "codigo", "currar", "curro", "chamba", "chambear", "laburo",
                 "laburar", "teletrabajo", "reunion", "reuniones"],
            valence: 0.0, energy: -0.08, dance: -0.04, instrumental: 0.1, activity: .work),
        MoodConcept(
            "reading", en: ["read", "reading", "book", "books", "novel", "novels", "reading time", "poetry"],
            es: ["leer", "leyendo", "libro", "libros", "lectura", "novela", "novelas", "poesia"],
            valence: 0.02, energy: -0.2, dance: -0.1, instrumental: 0.15, activity: .reading),
        MoodConcept(
            "creative", en: ["writing", "write", "painting", "paint", "drawing", "draw", "creative", "creativity",
                             "art", "designing", "design", "crafting", "sketching", "journaling"],
            es: ["escribir", "escribiendo", "pintar", "pintando", "dibujar", "dibujando", "creativo", "creatividad",
                 "arte", "diseñar", "diseñando", "manualidades"],
            valence: 0.06, energy: -0.1, dance: -0.04, instrumental: 0.12),

        // MARK: - Resting
        MoodConcept(
            "sleep", en: ["sleep", "sleeping", "asleep", "fall asleep", "falling asleep", "bedtime", "bed", "in bed",
                          "sleepy", "nap", "napping", "naps", "power nap", "drift off", "drifting off", "go to sleep",
                          "before bed", "before sleep", "snooze", "dozing", "doze off", "good night", "goodnight",
                          "sweet dreams", "deep sleep", "cant sleep", "help me sleep"],
            es: ["dormir", "durmiendo", "dormirme", "dormido", "para dormir", "sueño", "siesta", "siestita",
                 "conciliar el sueño", "quedarme dormido", "antes de dormir", "a la cama", "en la cama", "cama",
                 "acostarme", "somnoliento", "con sueño", "tengo sueño", "buenas noches", "dulces sueños",
                 "no puedo dormir", "descansar bien", "dormitar"],
            valence: 0.0, energy: -0.38, dance: -0.25, instrumental: 0.15, implies: ["ambient"],
            activity: .sleep),
        MoodConcept(
            "lullaby", en: ["lullaby", "lullabies", "cradle song", "baby sleep", "for babies", "for my baby"],
            es: ["nana", "nanas", "cancion de cuna", "canciones de cuna", "arrullo", "arrullar", "para bebes",
                 "para mi bebe", "canciones de cuna"],
            valence: 0.05, energy: -0.4, dance: -0.25, acoustic: 0.2, activity: .sleep, bpm: 70),
        MoodConcept(
            "spa", en: ["spa", "massage", "bath", "bubble bath", "bathtub", "sauna", "self care", "selfcare",
                        "pamper", "pampering", "skincare"],
            es: ["spa", "masaje", "masajes", "baño de burbujas", "bañera", "sauna", "autocuidado",
                 "cuidarme", "mimarme"],
            valence: 0.12, energy: -0.3, dance: -0.15, instrumental: 0.15, implies: ["ambient"], activity: .relax),

        // MARK: - Going out
        MoodConcept(
            "party", en: ["party", "partying", "party time", "parties", "house party", "pregame", "pregaming",
                          "pre party", "afterparty", "after party", "rager", "kegger", "frat party", "turn up time",
                          "get the party started", "party mode", "bash"],
            es: ["fiesta", "fiestas", "fiestón", "fiestita", "juerga", "parranda", "rumba", "irse de rumba", "carrete",
                 "jolgorio", "pachanga", "previa", "botellon", "perreo intenso", "fiesta en casa", "de fiesta",
                 "la fiesta", "una fiesta", "reventon", "pari", "farra", "guateque"],
            valence: 0.25, energy: 0.32, dance: 0.35, activity: .party),
        MoodConcept(
            "dance", en: ["dance", "dancing", "dances", "dancefloor", "dance floor", "dance party", "let's dance",
                          "dance all night", "on the dance floor", "dance moves", "choreo", "choreography"],
            es: ["bailar", "bailando", "baile", "bailemos", "a bailar", "para bailar", "pista de baile", "la pista",
                 "bailoteo", "coreografia", "bailongo", "sacar a bailar"],
            valence: 0.2, energy: 0.28, dance: 0.45, activity: .dance),
        MoodConcept(
            "night out", en: ["go out", "going out", "night out", "girls night", "boys night", "night on the town",
                              "out tonight", "big night", "clubbing", "bar hopping", "getting ready",
                              "get ready", "getting dressed up", "ladies night"],
            es: ["salir", "salimos", "salir de noche", "salir de fiesta", "salimos de fiesta", "noche de fiesta",
                 "noche de chicas", "noche de amigos", "arreglarme", "arreglandome", "de marcha", "ir de marcha",
                 "salir de marcha", "ir de antro", "ir al boliche", "de juerga", "vamos de fiesta"],
            valence: 0.18, energy: 0.22, dance: 0.2, activity: .party),
        MoodConcept(
            "drinks", en: ["drinks", "drinking", "beer", "beers", "cocktail", "cocktails", "shots", "happy hour",
                           "bar", "pub", "tequila", "margaritas", "drunk", "tipsy"],
            es: ["copas", "tragos", "cerveza", "cervezas", "chelas", "birras", "cocteles", "chupitos", "shots", "bar",
                 "tequila", "borracho", "entonado", "pisco", "fernet", "vermut", "tapeo", "tapas"],
            valence: 0.15, energy: 0.12, dance: 0.12),
        MoodConcept(
            "wine", en: ["wine", "glass of wine", "red wine", "wine night", "whiskey", "whisky"],
            es: ["vino", "vinito", "copa de vino", "vino tinto", "whisky"],
            valence: 0.1, energy: -0.12, dance: -0.02),
        MoodConcept(
            "friends", en: ["friends", "friend", "with friends", "my friends", "squad", "crew", "besties", "bestie",
                            "the gang", "the boys", "the girls", "homies", "mates", "buddies", "hang out",
                            "hanging out", "get together"],
            es: ["amigos", "amigas", "amigo", "amiga", "con amigos", "con mis amigos", "con amigas", "panas",
                 "colegas", "parceros", "compas", "cuates", "mis amigos", "juntada", "quedada",
                 "reunion de amigos", "compañeros"],
            valence: 0.15, energy: 0.08, dance: 0.06),
        MoodConcept(
            "family", en: ["family", "kids", "children", "with the kids", "parents", "grandparents", "family time",
                           "family dinner"],
            es: ["familia", "en familia", "niños", "los niños", "con los niños", "hijos", "padres", "abuelos",
                 "peques", "chamacos"],
            valence: 0.15, energy: 0.0),
        MoodConcept(
            nil, en: ["lets go", "let's go", "here we go", "lets get it", "let's get it", "lets do this",
                      "let's do this", "game on", "bring it on", "go go go"],
            es: ["vamos", "vamonos", "dale", "dale que", "arriba", "venga", "vamo", "vamos con todo",
                 "vamo arriba", "con toda"],
            valence: 0.1, energy: 0.2, dance: 0.05),

        // MARK: - On the move
        MoodConcept(
            "driving", en: ["drive", "driving", "drives", "car", "in the car", "car ride", "highway", "freeway",
                            "behind the wheel", "cruise", "cruising", "night drive", "late night drive"],
            es: ["manejar", "manejando", "conducir", "conduciendo", "carro", "coche", "auto", "en el coche",
                 "en el carro", "en el auto", "carretera", "autopista", "al volante"],
            valence: 0.05, energy: 0.12, dance: 0.03, activity: .driving),
        MoodConcept(
            "road trip", en: ["road trip", "roadtrip", "road trips", "windows down", "open road", "long drive",
                              "on the road", "cross country"],
            es: ["viaje en carretera", "viaje por carretera", "viaje en coche", "viaje en carro", "viaje en auto",
                 "ventanas abajo", "ruta", "en ruta", "roadtrip"],
            valence: 0.16, energy: 0.14, dance: 0.05, activity: .driving),
        MoodConcept(
            "travel", en: ["travel", "traveling", "travelling", "trip", "journey", "vacation", "holiday", "holidays",
                           "flight", "airport", "plane", "on the plane", "backpacking", "abroad", "adventure",
                           "exploring", "getaway", "long haul"],
            es: ["viaje", "viajar", "viajando", "de viaje", "vacaciones", "vuelo", "aeropuerto", "avion",
                 "en el avion", "mochilero", "aventura", "escapada", "explorar", "turismo", "paseo largo"],
            valence: 0.15, energy: 0.05, activity: .travel),
        MoodConcept(
            "commute", en: ["commute", "commuting", "on the way to work", "way to work", "way home",
                            "on my way", "subway", "metro", "bus", "on the bus", "train ride", "on the train", "tram",
                            "rush hour", "traffic", "stuck in traffic", "daily commute"],
            es: ["trayecto", "camino al trabajo", "ir al trabajo", "de camino", "volver a casa", "vuelta a casa",
                 "metro", "en el metro", "bus", "autobus", "camion", "colectivo", "micro", "tren", "en el tren",
                 "tranvia", "hora punta", "hora pico", "trafico", "atasco", "trancon", "transporte"],
            valence: -0.03, energy: 0.05, activity: .commute),

        // MARK: - At home
        MoodConcept(
            "cooking", en: ["cook", "cooking", "kitchen", "baking", "bake", "in the kitchen", "making dinner",
                            "meal prep", "recipe", "chef"],
            es: ["cocinar", "cocinando", "cocina", "en la cocina", "hornear", "horneando", "receta", "hacer la cena",
                 "preparar la cena", "haciendo la comida"],
            valence: 0.12, energy: 0.05, dance: 0.06, activity: .cooking),
        MoodConcept(
            "dinner", en: ["dinner", "dinner party", "supper", "dining", "dinner time", "fancy dinner", "restaurant",
                           "lunch", "brunch", "breakfast", "dinner with friends"],
            es: ["cena", "cenar", "cenita", "sobremesa", "restaurante", "comida", "almuerzo", "almorzar", "brunch",
                 "desayuno", "desayunar", "cena con amigos"],
            valence: 0.12, energy: -0.1, dance: 0.0, implies: ["jazz", "bossa nova"], activity: .dinner),
        MoodConcept(
            "date night", en: ["date", "date night", "first date", "romantic dinner", "candlelight", "candle light",
                               "candles", "candlelit", "candles lit", "candle lit", "intimate", "making love", "make love", "anniversary",
                               "honeymoon", "slow dance", "slow dancing", "for two"],
            es: ["cita", "primera cita", "cena romantica", "noche romantica", "velas", "luz de velas", "intimo",
                 "hacer el amor", "aniversario", "luna de miel", "para dos", "bailar pegados", "baile lento"],
            valence: 0.18, energy: -0.12, dance: 0.04, implies: ["soul"], activity: .romance),
        MoodConcept(
            "gaming", en: ["gaming", "game", "games", "gamer", "video games", "videogames", "video game",
                           "playing games", "boss fight", "ranked", "speedrun", "fps", "minecraft", "fortnite",
                           "esports"],
            es: ["jugar", "jugando", "videojuegos", "videojuego", "partida", "partidas", "gamer", "jefe final",
                 "juegos", "consola"],
            valence: 0.05, energy: 0.2, dance: 0.02, activity: .gaming),
        MoodConcept(
            "cleaning", en: ["cleaning", "clean", "clean up", "chores", "housework", "tidy", "tidying", "tidy up",
                             "vacuum", "vacuuming", "laundry", "doing the dishes", "dishes", "cleaning day",
                             "spring cleaning", "organizing", "decluttering"],
            es: ["limpiar", "limpiando", "limpieza", "tareas de la casa", "tareas del hogar", "ordenar", "ordenando",
                 "lavar los platos", "fregar", "aspirar", "barrer", "planchar", "lavar la ropa", "quehaceres",
                 "hacer limpieza", "dia de limpieza"],
            valence: 0.12, energy: 0.2, dance: 0.12, activity: .cleaning),
        MoodConcept(
            "morning", en: ["wake up", "waking up", "wakeup", "get up", "getting up", "rise and shine",
                            "start the day", "start my day", "start of the day", "morning routine", "alarm",
                            "new day", "good morning", "mornin"],
            es: ["despertar", "despertarme", "despertando", "levantarme", "levantarse", "empezar el dia",
                 "comenzar el dia", "arrancar el dia", "empezar bien el dia", "buenos dias", "buen dia para empezar",
                 "rutina de mañana", "nuevo dia", "arriba arriba"],
            valence: 0.14, energy: 0.2, dance: 0.05, activity: .wakeUp),
        MoodConcept(
            "shower", en: ["shower", "showering", "in the shower", "shower concert", "getting dressed"],
            es: ["ducha", "duchandome", "ducharme", "en la ducha", "bañarme", "bañandome"],
            valence: 0.15, energy: 0.12, dance: 0.05),
        MoodConcept(
            "gardening", en: ["gardening", "garden work", "plants", "watering plants"],
            es: ["jardineria", "plantas", "regar las plantas"],
            valence: 0.12, energy: -0.08),
    ]
}
