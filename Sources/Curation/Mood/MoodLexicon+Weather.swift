/// Weather and seasons. Grey, wet and cold skies pull valence and energy down a little;
/// sun and summer lift both. These are context, so their pushes are smaller than a feeling's.
extension MoodLexicon {
    static let weatherAndSeasons: [MoodConcept] = [
        // MARK: - Weather
        MoodConcept(
            "rainy", en: ["rain", "rainy", "raining", "rainfall", "drizzle", "drizzly", "rainy day", "rainy days",
                          "pouring", "downpour", "showers", "wet", "puddles", "rain on the window"],
            es: ["lluvia", "lluvioso", "llueve", "lloviendo", "llovizna", "lloviznando", "dia lluvioso", "aguacero",
                 "chaparron", "diluvio", "tarde de lluvia", "dia de lluvia", "noche de lluvia"],
            valence: -0.12, energy: -0.12, dance: -0.06, acoustic: 0.06),
        MoodConcept(
            "stormy", en: ["storm", "stormy", "thunder", "thunderstorm", "lightning", "hurricane", "tempest"],
            es: ["tormenta", "tormentoso", "trueno", "truenos", "relampago", "relampagos", "tempestad", "huracan"],
            valence: -0.15, energy: 0.04, dance: -0.05),
        MoodConcept(
            "cloudy", en: ["cloudy", "clouds", "grey", "gray", "overcast", "foggy", "fog", "mist", "misty", "gloomy day",
                           "grey day", "gray day", "grey sky", "gray sky"],
            es: ["nublado", "nubes", "gris", "niebla", "neblina", "brumoso", "bruma", "encapotado", "cielo gris",
                 "dia gris"],
            valence: -0.12, energy: -0.1, dance: -0.04),
        MoodConcept(
            "sunny", en: ["sun", "sunny", "sunshine", "sunlight", "sunny day", "blue sky", "blue skies", "clear sky",
                          "bright day", "sunkissed", "sun kissed", "good weather", "nice weather"],
            es: ["sol", "soleado", "dia soleado", "dia de sol", "solecito", "cielo azul", "buen tiempo", "buen clima",
                 "luz del sol", "rayos de sol"],
            valence: 0.24, energy: 0.1, dance: 0.06),
        MoodConcept(
            "summer", en: ["hot", "heat", "heatwave", "heat wave", "warm weather", "hot day", "scorching", "humid",
                           "tropical heat"],
            es: ["calor", "caluroso", "hace calor", "ola de calor", "bochorno", "dia caluroso"],
            valence: 0.1, energy: 0.06, dance: 0.06),
        MoodConcept(
            "cold", en: ["cold", "freezing", "chilly", "frosty", "icy", "cold day", "cold night", "winter chill"],
            es: ["frio", "helado", "hace frio", "congelado", "helada", "dia frio", "noche fria", "friolento"],
            valence: -0.05, energy: -0.1, dance: -0.04),
        MoodConcept(
            "snow", en: ["snow", "snowy", "snowing", "snowfall", "snowflakes", "blizzard", "snowed in"],
            es: ["nieve", "nevando", "nevado", "nevada", "copos de nieve", "ventisca"],
            valence: 0.02, energy: -0.12, dance: -0.05),
        MoodConcept(
            nil, en: ["windy", "wind", "breeze", "breezy"],
            es: ["viento", "ventoso", "brisa"],
            valence: 0.03, energy: 0.0),

        // MARK: - Seasons
        MoodConcept(
            "summer", en: ["summer", "summertime", "summery", "summer vibes", "summer nights", "summer night",
                           "summer day", "summer days"],
            es: ["verano", "veraniego", "veranito", "vibras de verano", "noche de verano", "noches de verano",
                 "dia de verano"],
            valence: 0.22, energy: 0.12, dance: 0.1),
        MoodConcept(
            "spring", en: ["spring", "springtime", "blossom", "blossoms", "flowers", "bloom", "blooming"],
            es: ["primavera", "primaveral", "flores", "florecer"],
            valence: 0.18, energy: 0.05, dance: 0.04),
        MoodConcept(
            "autumn", en: ["autumn", "fall", "autumnal", "fall vibes", "fall season", "autumn leaves", "fall leaves",
                           "falling leaves", "sweater weather", "pumpkin spice", "october", "november"],
            es: ["otoño", "otoñal", "hojas secas", "hojas caidas", "octubre", "noviembre"],
            valence: -0.08, energy: -0.1, dance: -0.04, acoustic: 0.08),
        MoodConcept(
            "winter", en: ["winter", "wintry", "wintertime", "winter night", "winter nights", "december", "january"],
            es: ["invierno", "invernal", "noche de invierno", "diciembre", "enero"],
            valence: -0.08, energy: -0.1, dance: -0.04),
    ]
}
