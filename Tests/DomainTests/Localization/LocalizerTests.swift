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

    @Test func aNumberUnderAThousandReadsAsFoundationWritesItInEveryLanguage() {
        for language in Language.allCases {
            let localizer = Localizer(language)
            for value in [0, 1, 7, 10, 99, 100, 101, 500, 999] {
                #expect(localizer.number(value) == value.formatted(.number.locale(localizer.locale)), "\(language) \(value)")
            }
            #expect(localizer.number(-5) == (-5).formatted(.number.locale(localizer.locale)))
        }
    }

    @Test func aWallClockTimeReadsAsFoundationWritesItInEveryLanguage() {
        // The day's words are kept and only the time put in: every language, hours and minutes of every
        // width, a leap day and the turn of a year, each asked twice so the kept words are used, give exactly
        // what Foundation writes for the whole moment.
        let days = ["2023-08-08", "2024-02-29", "1999-12-31", "2026-01-01"]
        for language in Language.allCases {
            let text = Localizer(language)
            // The kept words are used in every language, not only the slow way round.
            #expect(ClockTemplate(atMidnight: text.dateTime(Day(year: 2023, month: 8, day: 8)!.startInUTC!)) != nil, "\(language)")
            for day in days {
                for hour in 0 ..< 24 {
                    for minute in [0, 1, 9, 10, 30, 59] {
                        let local = day + String(format: "T%02d:%02d", hour, minute)
                        let parts = local.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).map { Int($0)! }
                        let moment = Localizer.gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                                                                   hour: hour, minute: minute))!
                        #expect(text.wallClock(local) == text.dateTime(moment), "\(language) \(local)")
                        #expect(text.wallClock(local) == text.dateTime(moment), "\(language) \(local), kept")
                    }
                }
            }
        }
        // Seconds are not shown; a space may part day and time; what is not a wall-clock time is shown as it is.
        #expect(Localizer(.english).wallClock("2023-08-08 10:00:30") == "8 Aug 2023 at 10:00")
        #expect(Localizer(.serbianCyrillic).wallClock("2023-08-08T10:05") == Localizer(.serbianCyrillic).wallClock("2023-08-08 10:05"))
        #expect(Localizer(.english).wallClock("2023-08-08T10:00Z") == "2023-08-08T10:00Z")
        #expect(Localizer(.english).wallClock("soon") == "soon")
    }

    @Test func aMomentReadsAsFoundationWritesItInEveryLanguage() {
        // Moments from 1900 to 2100, before and after 1970, with fractions of a second, the last second of a day
        // and of a leap year: the kept day's words with the time put in are Foundation's words for the moment.
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -1, -0.5, 59.999, 86_399.9, 951_782_399, 1_709_251_199, -2_208_988_800, 4_102_444_799]
        let moments = fixed + (0 ..< 400).map { _ in Double.random(in: -2_208_988_800 ... 4_102_444_799, using: &generator) }
        for language in Language.allCases {
            let text = Localizer(language)
            for seconds in moments {
                let moment = Date(timeIntervalSince1970: seconds)
                #expect(text.dateTime(moment) == text.formattedDateTime(moment), "\(language) \(seconds)")
            }
        }
        #expect(UTCMinute(Date(timeIntervalSince1970: -2_208_988_801)) == nil, "before 1900: Foundation's words")
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
