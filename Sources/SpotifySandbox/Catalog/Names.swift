/// Words for the demo catalog's fictional names, in English and Spanish.
enum Names {
    static let englishAdjectives = [
        "Velvet", "Silver", "Midnight", "Golden", "Quiet", "Neon", "Paper", "Hollow", "Electric", "Gentle", "Wild",
        "Crimson", "Lonely", "Bright", "Distant", "Slow", "Broken", "Lucky", "Amber", "Blue", "Restless", "Faded",
        "Sunday", "Northern", "Little", "Secret", "Open", "Heavy", "Tender", "Wandering",
    ]
    static let englishNouns = [
        "Harbor", "Lanterns", "Rain", "Coffee", "Engines", "Orchards", "Echoes", "Satellites", "Tides", "Rooftops",
        "Foxes", "Letters", "Mornings", "Static", "Windows", "Rivers", "Pilots", "Gardens", "Strangers", "Comets",
        "Streets", "Shadows", "Waves", "Signals", "Lights", "Horses", "Islands", "Mirrors", "Storms", "Birds",
    ]
    /// Spanish words agree in gender: each noun knows its own, each adjective has both forms.
    enum Gender { case masculine, feminine }

    struct Adjective {
        let masculine: String
        let feminine: String

        init(_ masculine: String, _ feminine: String) {
            self.masculine = masculine
            self.feminine = feminine
        }

        /// A phrase such as "de Plata" that fits either gender.
        init(_ phrase: String) {
            self.init(phrase, phrase)
        }

        func agreeing(with gender: Gender) -> String { gender == .masculine ? masculine : feminine }
    }

    static let spanishBandNouns: [(String, Gender)] = [
        ("Faroles", .masculine), ("Zorros", .masculine), ("Tejados", .masculine), ("Ríos", .masculine),
        ("Jardines", .masculine), ("Caballos", .masculine), ("Espejos", .masculine), ("Pájaros", .masculine),
        ("Naranjos", .masculine), ("Faros", .masculine), ("Tambores", .masculine), ("Trenes", .masculine),
        ("Veleros", .masculine), ("Mareas", .feminine), ("Cartas", .feminine), ("Mañanas", .feminine),
        ("Ventanas", .feminine), ("Calles", .feminine), ("Sombras", .feminine), ("Olas", .feminine),
        ("Señales", .feminine), ("Luces", .feminine), ("Islas", .feminine), ("Tormentas", .feminine),
        ("Guitarras", .feminine), ("Palmeras", .feminine), ("Lunas", .feminine),
    ]
    static let spanishPluralAdjectives = [
        Adjective("Azules"), Adjective("Dorados", "Doradas"), Adjective("Callados", "Calladas"),
        Adjective("Eléctricos", "Eléctricas"), Adjective("Salvajes"), Adjective("Lejanos", "Lejanas"),
        Adjective("Lentos", "Lentas"), Adjective("Rotos", "Rotas"), Adjective("Inquietos", "Inquietas"),
        Adjective("Secretos", "Secretas"), Adjective("Tiernos", "Tiernas"), Adjective("Errantes"),
        Adjective("Brillantes"), Adjective("Viejos", "Viejas"), Adjective("Nuevos", "Nuevas"), Adjective("de Plata"),
        Adjective("de Medianoche"), Adjective("de Neón"), Adjective("de Papel"), Adjective("de Ámbar"),
        Adjective("del Norte"), Adjective("del Sur"), Adjective("de Domingo"), Adjective("de Cristal"),
        Adjective("del Mar"),
    ]
    static let spanishTitleNouns: [(String, Gender)] = [
        ("Lluvia", .feminine), ("Noche", .feminine), ("Mañana", .feminine), ("Ciudad", .feminine), ("Luna", .feminine),
        ("Calle", .feminine), ("Marea", .feminine), ("Canción", .feminine), ("Ventana", .feminine),
        ("Madrugada", .feminine), ("Tormenta", .feminine), ("Playa", .feminine), ("Carta", .feminine),
        ("Sombra", .feminine), ("Fiesta", .feminine), ("Nostalgia", .feminine), ("Frontera", .feminine),
        ("Verano", .masculine), ("Viaje", .masculine), ("Domingo", .masculine), ("Cielo", .masculine),
        ("Corazón", .masculine), ("Camino", .masculine), ("Baile", .masculine), ("Silencio", .masculine),
    ]
    static let spanishTitleEndings = [
        Adjective("Lento", "Lenta"), Adjective("Eterno", "Eterna"), Adjective("Dorado", "Dorada"),
        Adjective("Perdido", "Perdida"), Adjective("Tranquilo", "Tranquila"), Adjective("Encendido", "Encendida"),
        Adjective("Salvaje"), Adjective("de Domingo"), Adjective("sin Prisa"), Adjective("de Verano"),
        Adjective("en Madrid"), Adjective("del Sur"), Adjective("de Café"), Adjective("a Medianoche"),
        Adjective("de Invierno"), Adjective("para Bailar"), Adjective("de Neón"), Adjective("de Lunes"),
    ]
    static let englishTitleEndings = [
        "Sunday", "Drive", "Morning", "Weather", "Dance", "Lullaby", "Runner", "Skyline", "Daydream", "Heartbeat",
        "Highway", "Afterglow", "Slow Motion", "Blue Hour", "Overdrive", "Homecoming", "Satellite", "Rainfall",
    ]

    static func artist(spanish: Bool, using random: inout SeededRandom) -> String {
        if spanish {
            let (noun, gender) = spanishBandNouns.randomElement(using: &random)!
            let adjective = spanishPluralAdjectives.randomElement(using: &random)!.agreeing(with: gender)
            let article = gender == .masculine ? "los" : "las"
            let prefix = Bool.random(using: &random) ? article.capitalized : "La Banda de \(article)"
            return "\(prefix) \(noun) \(adjective)"
        }
        return "\(["The ", "", ""].randomElement(using: &random)!)\(englishAdjectives.randomElement(using: &random)!) \(englishNouns.randomElement(using: &random)!)"
    }

    static func title(spanish: Bool, using random: inout SeededRandom) -> String {
        if spanish {
            let (noun, gender) = spanishTitleNouns.randomElement(using: &random)!
            return "\(noun) \(spanishTitleEndings.randomElement(using: &random)!.agreeing(with: gender))"
        }
        return "\(englishAdjectives.randomElement(using: &random)!) \(englishTitleEndings.randomElement(using: &random)!)"
    }
}
