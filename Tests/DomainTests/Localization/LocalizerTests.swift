import Foundation
import Testing
@testable import Domain

@Suite("The Localizer: the shipped catalogues, plural forms, days and numbers as each language writes them")
struct LocalizerTests {
    @Test func serbianChoosesOneFewOrOtherByCLDRsSampleNumbers() {
        let text = Localizer(.serbianCyrillic)
        let forms = [1: "корак", 2: "корака", 4: "корака", 5: "корака", 11: "корака", 12: "корака", 14: "корака",
                     21: "корак", 22: "корака", 25: "корака", 101: "корак", 0: "корака"]
        for (count, word) in forms {
            #expect(text("assessments.towardsSupport", count) == "\(count) \(word) ка подршци", "\(count)")
        }
        // The few form and the other form differ in "pairs": 2 пара, 5 парова.
        #expect(text("duplicates.more", 2, 2).hasPrefix("2 пара;"))
        #expect(text("duplicates.more", 5, 2).hasPrefix("5 парова;"))
    }

    @Test func englishAndAlbanianHaveOneAndOther() {
        #expect(Localizer(.english)("import.confirm", 1) == "Import 1 row")
        #expect(Localizer(.english)("import.confirm", 2) == "Import 2 rows")
        #expect(Localizer(.english)("import.confirm", 0) == "Import 0 rows")
        #expect(Localizer(.albanian)("import.confirm", 1) != Localizer(.albanian)("import.confirm", 2))
    }

    @Test func aCatalogueCanSayWhichArgumentCounts() {
        // "Importing… 1 of 5 rows written": the form follows the total, {1}, not {0}.
        #expect(Localizer(.english)("import.running", 1, 5) == "Importing… 1 of 5 rows written.")
        #expect(Localizer(.english)("import.running", 0, 1) == "Importing… 0 of 1 row written.")
    }

    @Test func countsWrittenAsDigitsStillChooseTheForm() {
        #expect(Localizer(.english)("import.confirm", "1") == "Import 1 row")
    }

    @Test func daysAndNumbersAsEachLanguageWritesThem() {
        let day = Day(year: 2023, month: 8, day: 7)!
        #expect(Localizer(.english).day(day) == "7 August 2023")
        #expect(Localizer(.albanian).day(day) == "7 gusht 2023")
        #expect(Localizer(.serbianCyrillic).day(day) == "7. август 2023.")
        #expect(Localizer(.serbianLatin).day(day) == "7. avgust 2023.")
        // Each day is written once a process and kept: asked again, after the other languages, the same words.
        #expect(Localizer(.english).day(day) == "7 August 2023" && Localizer(.albanian).day(day) == "7 gusht 2023")
        #expect(Localizer(.albanian).number(12_345).replacingOccurrences(of: "\u{00A0}", with: " ") == "12 345")
        #expect(Localizer(.serbianCyrillic).number(12_345) == "12.345")
        #expect(Localizer(.english).number(12_345) == "12,345")
        #expect(Localizer(.english).wallClock("2023-08-08T10:00") == "8 Aug 2023 at 10:00")
    }

    @Test func everyShippedLanguageHasTheSameKeys() {
        let english = Set(Catalogues.shipped.catalog(.english).messages.keys)
        #expect(english.count > 1_000)
        for language in Language.allCases {
            #expect(Set(Catalogues.shipped.catalog(language).messages.keys) == english, "\(language)")
        }
    }

    @Test func aSerbianLatinReaderSeesACyrillicOnlyPlaceNameInLatin() {
        let names: [(language: String, name: String)] = [("sr-Cyrl", "Звечан")]
        #expect(PlaceNames.display(names, for: "sr-Latn") == "Zvečan")
        #expect(PlaceNames.display(names, for: "sr-Cyrl") == "Звечан")
        #expect(PlaceNames.display([("sr-Latn", "Zvečan"), ("sr-Cyrl", "Звечан")], for: "sr-Latn") == "Zvečan")
    }
}
