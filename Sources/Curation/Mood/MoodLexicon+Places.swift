/// Places the music will play in. "house" alone is the genre; "the house", "my house",
/// "en casa" are home.
extension MoodLexicon {
    static let places: [MoodConcept] = [
        MoodConcept(
            "beach", en: ["beach", "beaches", "seaside", "ocean", "the sea", "coast", "coastal", "shore", "surf",
                          "surfing", "tropical", "island", "islands", "by the sea", "on the beach", "boat", "sailing",
                          "palm trees"],
            es: ["playa", "playas", "mar", "costa", "oceano", "orilla", "orilla del mar", "isla", "islas", "tropical",
                 "en la playa", "junto al mar", "barco", "velero", "surfear", "palmeras", "chiringuito"],
            valence: 0.2, energy: 0.05, dance: 0.06),
        MoodConcept(
            "pool", en: ["pool", "poolside", "swimming pool", "by the pool", "swimming"],
            es: ["piscina", "pileta", "alberca", "nadar", "en la piscina"],
            valence: 0.2, energy: 0.1, dance: 0.1),
        MoodConcept(
            "city", en: ["city", "urban", "downtown", "streets", "city lights", "city nights", "skyline", "neon"],
            es: ["ciudad", "urbano", "centro", "calles", "luces de la ciudad", "por la ciudad", "neon"],
            valence: 0.0, energy: 0.08, dance: 0.05),
        MoodConcept(
            "nature", en: ["nature", "forest", "forests", "woods", "mountain", "mountains", "countryside", "fields",
                           "lake", "river", "meadow", "outdoors", "cabin", "cabin in the woods", "valley", "trees"],
            es: ["naturaleza", "bosque", "bosques", "montaña", "montañas", "campo", "lago", "rio", "pradera", "sierra",
                 "cabaña", "valle", "al aire libre", "arboles"],
            valence: 0.1, energy: -0.1, dance: -0.06, acoustic: 0.15),
        MoodConcept(
            "campfire", en: ["campfire", "camping", "bonfire", "fireplace", "by the fire", "fire pit", "tent"],
            es: ["fogata", "hoguera", "acampar", "acampada", "camping", "chimenea", "junto al fuego", "fogon",
                 "carpa", "tienda de campaña"],
            valence: 0.12, energy: -0.12, dance: -0.05, acoustic: 0.3, implies: ["acoustic folk"]),
        MoodConcept(
            "club", en: ["club", "nightclub", "the club", "club night", "warehouse", "rave", "raves", "festival",
                         "festivals", "dance club"],
            es: ["discoteca", "antro", "boliche", "el club", "la disco", "festival", "festivales", "rave",
                 "macrofestival"],
            valence: 0.18, energy: 0.3, dance: 0.35, implies: ["house", "techno"]),
        MoodConcept(
            "concert", en: ["concert", "gig", "live show", "live music", "show tonight"],
            es: ["concierto", "en vivo", "en directo", "recital", "tocada"],
            valence: 0.15, energy: 0.22, dance: 0.1),
        MoodConcept(
            "coffee", en: ["coffee", "cafe", "coffee shop", "coffeeshop", "espresso", "latte", "cappuccino", "tea",
                           "cup of tea", "cup of coffee", "tea time", "teatime", "bookstore", "bakery"],
            es: ["cafe", "cafecito", "cafeteria", "un cafe", "cafe con leche", "mate", "unos mates", "infusion",
                 "libreria", "panaderia", "merienda"],
            valence: 0.06, energy: -0.06, acoustic: 0.1, implies: ["jazz", "bossa nova"]),
        MoodConcept(
            "home", en: ["home", "at home", "the house", "my house", "our house", "a house", "in the house",
                         "my place", "couch", "sofa", "living room", "bedroom", "my room", "apartment", "flat",
                         "balcony"],
            es: ["casa", "en casa", "hogar", "sofa", "sillon", "salon", "cuarto", "mi cuarto", "habitacion",
                 "departamento", "depa", "piso", "balcon", "la casa", "mi casa"],
            valence: 0.04, energy: -0.06),
        MoodConcept(
            "rooftop", en: ["rooftop", "terrace", "patio", "deck", "backyard", "garden", "park", "in the park"],
            es: ["terraza", "azotea", "patio", "jardin", "parque", "en el parque", "quinta"],
            valence: 0.12, energy: 0.02),
        MoodConcept(
            nil, en: ["bar terrace", "lounge bar", "hotel", "lobby", "boutique", "store", "shop", "mall"],
            es: ["hotel", "tienda", "centro comercial", "vestibulo"],
            valence: 0.04, energy: 0.0),
        MoodConcept(
            nil, en: ["desert", "road", "highway at night"],
            es: ["desierto", "camino"],
            valence: 0.0, energy: 0.02),
        MoodConcept(
            nil, en: ["hospital", "waiting room", "cemetery", "graveyard"],
            es: ["hospital", "sala de espera", "cementerio"],
            valence: -0.12, energy: -0.08),
    ]
}
