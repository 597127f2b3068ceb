/// Times of day and days of the week: small pushes (a morning is not a mood on its own),
/// but they add up with the rest and make useful search words.
extension MoodLexicon {
    static let timesOfDay: [MoodConcept] = [
        // MARK: - Time of day
        MoodConcept(
            "morning", en: ["morning", "mornings", "early morning", "this morning", "in the morning"],
            es: ["mañana", "mañanas", "por la mañana", "en la mañana", "de mañana", "temprano", "mañanero",
                 "esta mañana", "madrugar"],
            valence: 0.05, energy: -0.02),
        MoodConcept(
            "sunrise", en: ["sunrise", "dawn", "daybreak", "first light"],
            es: ["amanecer", "alba", "al amanecer", "salida del sol"],
            valence: 0.12, energy: -0.05),
        MoodConcept(
            "afternoon", en: ["afternoon", "afternoons", "this afternoon", "midday", "noon", "lazy afternoon"],
            es: ["tarde", "por la tarde", "en la tarde", "esta tarde", "mediodia", "tardeo", "tardecita"],
            valence: 0.03, energy: -0.03),
        MoodConcept(
            "sunset", en: ["sunset", "sunsets", "golden hour", "dusk", "twilight", "sundown"],
            es: ["atardecer", "puesta de sol", "ocaso", "anochecer", "hora dorada", "crepusculo", "al atardecer"],
            valence: 0.1, energy: -0.1),
        MoodConcept(
            "evening", en: ["evening", "evenings", "this evening", "in the evening"],
            es: ["velada", "al caer la noche"],
            valence: 0.02, energy: -0.08),
        MoodConcept(
            "night", en: ["night", "nights", "tonight", "nighttime", "at night", "nocturnal", "overnight"],
            es: ["noche", "noches", "esta noche", "de noche", "por la noche", "en la noche", "nocturno", "nochecita"],
            valence: -0.03, energy: -0.08),
        MoodConcept(
            "late night", en: ["late night", "late nights", "midnight", "after midnight", "after hours",
                               "wee hours", "small hours", "3am", "2am", "4am", "night owl", "all nighter",
                               "sleepless", "sleepless night"],
            es: ["madrugada", "de madrugada", "medianoche", "altas horas", "trasnochar", "trasnoche", "desvelo",
                 "noche en vela", "a las tantas"],
            valence: -0.06, energy: -0.1, dance: -0.02),
        MoodConcept(
            nil, en: ["all night", "all night long", "till sunrise", "until sunrise", "till dawn", "until dawn",
                      "til the morning"],
            es: ["toda la noche", "hasta el amanecer", "hasta que salga el sol", "hasta la madrugada",
                 "hasta abajo"],
            energy: 0.15, dance: 0.12),

        // MARK: - Days
        MoodConcept(
            "monday", en: ["monday", "mondays", "monday morning", "manic monday"],
            es: ["lunes", "lunes por la mañana"],
            valence: -0.1, energy: 0.0),
        MoodConcept(
            "friday", en: ["friday", "fridays", "friday night", "tgif", "friyay"],
            es: ["viernes", "viernes por la noche", "viernes de noche", "por fin viernes", "juernes"],
            valence: 0.15, energy: 0.12, dance: 0.08),
        MoodConcept(
            "saturday", en: ["saturday", "saturdays", "saturday night"],
            es: ["sabado", "sabados", "sabado por la noche", "sabadete"],
            valence: 0.15, energy: 0.1, dance: 0.08),
        MoodConcept(
            "sunday", en: ["sunday", "sundays", "sunday morning", "lazy sunday", "sunday afternoon", "sunday funday",
                           "sunday brunch"],
            es: ["domingo", "domingos", "domingo por la mañana", "domingo por la tarde", "dominguero"],
            valence: 0.05, energy: -0.12, dance: -0.04),
        MoodConcept(
            "weekend", en: ["weekend", "weekends", "the weekend", "long weekend"],
            es: ["fin de semana", "finde", "fines de semana", "el finde", "puente"],
            valence: 0.15, energy: 0.05, dance: 0.05),
    ]
}
