/// Days that come with a mood of their own: birthdays, holidays, the end of a long week.
extension MoodLexicon {
    static let occasions: [MoodConcept] = [
        MoodConcept(
            "birthday", en: ["birthday", "bday", "birthday party", "my birthday", "b day"],
            es: ["cumple", "cumpleaños", "mi cumple", "fiesta de cumpleaños", "cumpleaños feliz"],
            valence: 0.3, energy: 0.18, dance: 0.15),
        MoodConcept(
            "wedding", en: ["wedding", "weddings", "bride", "groom", "reception", "first dance", "engagement party"],
            es: ["boda", "bodas", "recepcion", "primer baile", "me caso", "casamiento"],
            valence: 0.3, energy: 0.12, dance: 0.18),
        MoodConcept(
            "christmas", en: ["christmas", "xmas", "christmas eve", "holiday season", "festive season", "santa"],
            es: ["navidad", "navideño", "nochebuena", "villancicos", "fiestas navideñas", "papa noel"],
            valence: 0.25, energy: 0.05, dance: 0.02),
        MoodConcept(
            "new year", en: ["new year", "new years", "new years eve", "nye", "countdown"],
            es: ["año nuevo", "nochevieja", "fin de año", "cuenta regresiva", "cuenta atras"],
            valence: 0.3, energy: 0.25, dance: 0.2),
        MoodConcept(
            "halloween", en: ["halloween", "trick or treat", "spooky season"],
            es: ["halloween", "dia de muertos", "noche de brujas"],
            valence: -0.05, energy: 0.1, dance: 0.05),
        MoodConcept(
            "summer", en: ["pool party", "summer party", "beach party"],
            es: ["fiesta en la piscina", "fiesta en la playa", "fiesta de verano"],
            valence: 0.3, energy: 0.3, dance: 0.3, activity: .party),
        MoodConcept(
            "hype", en: ["game day", "match", "the match", "big game", "football", "soccer", "basketball",
                         "match day", "pre game", "tailgate", "tailgating", "kickoff", "champions"],
            es: ["partido", "el partido", "futbol", "basquet", "dia de partido", "previa del partido", "campeones",
                 "la final"],
            valence: 0.1, energy: 0.2, dance: 0.05),
        MoodConcept(
            "long day", en: ["long day", "long week", "long night", "busy day", "busy week", "tough week",
                             "tough day", "after a long day", "exhausting day", "long shift", "double shift"],
            es: ["dia largo", "semana larga", "semana dura", "semana pesada", "dia pesado", "jornada larga",
                 "dia agotador", "turno largo"],
            valence: -0.12, energy: -0.15, dance: -0.05),
        MoodConcept(
            "relax", en: ["after work", "after school", "end of the day", "end of the week", "home from work",
                          "off work", "day off", "free time", "me time"],
            es: ["despues del trabajo", "salir del trabajo", "al salir del trabajo", "fin del dia", "dia libre",
                 "tiempo libre", "tiempo para mi", "despues de clase"],
            valence: 0.1, energy: -0.12, dance: 0.0, activity: .relax),
        MoodConcept(
            "picnic", en: ["picnic", "bbq", "barbecue", "barbeque", "cookout", "grill", "grilling", "garden party"],
            es: ["picnic", "asado", "parrillada", "barbacoa", "parrilla", "carne asada", "choripan"],
            valence: 0.25, energy: 0.08, dance: 0.08),
        MoodConcept(
            "graduation", en: ["prom", "homecoming", "class reunion"],
            es: ["fiesta de graduacion", "graduacion", "reencuentro"],
            valence: 0.25, energy: 0.15, dance: 0.15),
    ]
}
