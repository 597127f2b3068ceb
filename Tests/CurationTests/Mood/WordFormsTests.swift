import Testing

@testable import Curation

@Suite struct WordFormsTests {
    func forms(_ word: String) -> [String] {
        WordForms.candidates(of: word).map(\.text)
    }

    @Test func theWordItselfComesFirst() {
        #expect(forms("happy").first == "happy")
    }

    @Test func pluralsAndSpanishGender() {
        #expect(forms("parties").contains("party"))
        #expect(forms("canciones").contains("cancion"))
        #expect(forms("tranquila").contains("tranquilo"))
        #expect(forms("relajadas").contains("relajado"))
        #expect(forms("felices").contains("feliz"))
    }

    @Test func englishEndings() {
        #expect(forms("dancing").contains("dance"))
        #expect(forms("running").contains("run"))
        #expect(forms("relaxed").contains("relax"))
        #expect(forms("slowly").contains("slow"))
        #expect(forms("happier").contains("happy"))
    }

    @Test func spanishSuperlativesAreStronger() {
        let triste = WordForms.candidates(of: "tristisimo").first { $0.text == "triste" }
        #expect(triste?.intensity == WordForms.superlativeIntensity)
        #expect(forms("felicisima").contains("feliz"))
        #expect(forms("poquisimo").contains("poco"))
    }

    @Test func diminutivesGerundsAndPronouns() {
        #expect(forms("suavecito").contains("suave"))
        #expect(forms("tranquilito").contains("tranquilo"))
        #expect(forms("bailando").contains("bailar"))
        #expect(forms("relajarme").contains("relajar"))
        #expect(forms("tranquilamente").contains("tranquilo"))
    }

    @Test func stretchedLetters() {
        #expect(forms("happyyyy").contains("happy"))
        #expect(forms("cooool").contains("cool"))
        #expect(forms("sadddd").contains("sad"))
    }

    @Test func shortWordsAreLeftAlone() {
        #expect(forms("bus") == ["bus"])
        #expect(forms("es") == ["es"])
    }
}
