import Domain
import Testing

@Suite("Serbian Latin from Serbian Cyrillic, letter for letter")
struct SerbianLatinTests {
    @Test("each letter, digraphs in capitals and in words", arguments: [
        ("Љубљана, Њива, Џеп, Ђорђе, Ћуприја", "Ljubljana, Njiva, Džep, Đorđe, Ćuprija"),
        ("ЉУБЉАНА и ЏЕП", "LJUBLJANA i DŽEP"),
        ("Жути чешаљ шиша", "Žuti češalj šiša"),
        ("Сачувајте измене", "Sačuvajte izmene"),
        ("Excel и UTF-8 остају", "Excel i UTF-8 ostaju"),
        ("7. август 2023.", "7. avgust 2023."),
    ])
    func transliterates(cyrillic: String, latin: String) {
        #expect(SerbianLatin.transliterate(cyrillic) == latin)
    }

    @Test func anEntryCanKeepAWordInCyrillicOnPurpose() {
        let help = "Име можете написати било којим писмом: redzepi проналази Redžepi и Реџепи."
        #expect(SerbianLatin.transliterate(help, key: "list.filterBox.help") == "Ime možete napisati bilo kojim pismom: redzepi pronalazi Redžepi i Реџепи.")
        #expect(SerbianLatin.transliterate("На пример: Емилија Реџепи", key: "agreements.people.help") == "Na primer: Emilija Redžepi")
    }
}
