import Domain
import Testing

@Suite("Dates, titles held on a day, place names in the reader's language")
struct RegistryRulesTests {
    @Test("days are YYYY-MM-DD and real", arguments: [
        ("2023-08-07", true), ("2024-02-29", true), ("2023-02-29", false), ("2023-13-01", false), ("23-08-07", false),
        ("2023-8-7", false), ("2023-08-07T10:00", false), ("", false), ("２０２３-08-07", false),
    ])
    func days(text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
        if valid { #expect(Day(text)?.description == text) }
    }

    let hamza = [
        HeldPosition(title: "Minister of Finance", organization: "Ministry of Finance", span: DaySpan(from: Day("2020-06-03"), to: Day("2021-03-22"))),
        HeldPosition(title: "Mayor of Mitrovica South", organization: "Municipality of Mitrovica South", span: DaySpan(from: Day("2021-11-29"), to: nil)),
    ]

    @Test func theTitleOnTheDayOfTheMeetingIsTheOneHeldThen() {
        #expect(PositionHistory.title(on: Day("2023-08-08")!, among: hamza)?.title == "Mayor of Mitrovica South")
        #expect(PositionHistory.title(on: Day("2020-07-01")!, among: hamza)?.title == "Minister of Finance")
        #expect(PositionHistory.title(on: Day("2021-06-01")!, among: hamza) == nil)
        #expect(PositionHistory.title(on: Day("2019-01-01")!, among: hamza) == nil)
    }

    @Test func aNewerAppointmentWinsOverAnOlderOpenEndedOne() {
        let positions = [
            HeldPosition(title: "Programme Manager", organization: "ICO", span: DaySpan(from: Day("2018-09-01"), to: nil)),
            HeldPosition(title: "Associate Director", organization: "ICO", span: DaySpan(from: Day("2022-07-01"), to: nil)),
        ]
        #expect(PositionHistory.title(on: Day("2023-08-09")!, among: positions)?.title == "Associate Director")
    }

    let mitrovica = [("sq", "Mitrovicë e Jugut"), ("sr-Latn", "Južna Mitrovica"), ("sr-Cyrl", "Јужна Митровица"), ("en", "Mitrovica South")]

    @Test("a place is named in the reader's language", arguments: [
        ("sq", "Mitrovicë e Jugut"), ("sr-Cyrl", "Јужна Митровица"), ("sr-Latn", "Južna Mitrovica"), ("sr", "Južna Mitrovica"),
        ("en", "Mitrovica South"), ("de", "Mitrovica South"), ("SQ", "Mitrovicë e Jugut"),
    ])
    func placeNames(language: String, expected: String) {
        #expect(PlaceNames.display(mitrovica.map { ($0.0, $0.1) }, for: language) == expected)
    }

    @Test func withoutEnglishAnyNameWillDo() {
        #expect(PlaceNames.display([("sr-Cyrl", "Звечан"), ("sq", "Zveçan")], for: "fr") == "Zveçan")
        #expect(PlaceNames.display([], for: "en") == "")
    }

    @Test func placesNestFromBroadToNarrow() {
        #expect(PlaceKind.municipality.canBeInside(.region))
        #expect(PlaceKind.settlement.canBeInside(.country))
        #expect(!PlaceKind.country.canBeInside(.municipality))
        #expect(!PlaceKind.region.canBeInside(.region))
    }
}
