import Domain
import Foundation
import Testing

/// The communications officer's scenario: the August update names the mayor (who agreed), quotes the
/// associate director's partner (who was never asked) and shows a councillor (who said no to photos).
@Suite("Publication check: nobody is named, quoted or shown without their consent")
struct PublicationCheckTests {
    let mayor = PublicationCheck.Subject(id: UUID(), name: "Bedri Hamza", restricted: false, named: .yes, quoted: .yes, photographed: .yes)
    let partner = PublicationCheck.Subject(id: UUID(), name: "Emilija Redžepi", otherNames: ["Емилија Реџепи"], restricted: false,
                                           named: .yes, quoted: .unknown, photographed: .yes)
    let councillor = PublicationCheck.Subject(id: UUID(), name: "Arben Krasniqi", restricted: false, named: .unknown, quoted: .no, photographed: .no)
    let witness = PublicationCheck.Subject(id: UUID(), name: "Milica Petrović", restricted: true, named: .yes, quoted: .yes, photographed: .yes)
    var subjects: [UUID: PublicationCheck.Subject] {
        Dictionary(uniqueKeysWithValues: [mayor, partner, councillor, witness].map { ($0.id, $0) })
    }

    @Test func peopleWhoAgreedToEveryUseMakeACleanCheck() {
        let quote = UUID(), photo = UUID()
        let result = PublicationCheck.run(items: [.participant(mayor.id, place: "8 Aug"), .quote(id: quote, speaker: mayor.id, withheld: false, place: "8 Aug"),
                                                  .photo(id: photo, shown: [mayor.id], place: "8 Aug")],
                                          subjects: subjects, decisions: .init())
        #expect(result.isClean)
        #expect(result.mentions.map(\.name) == ["Bedri Hamza"])
        #expect(result.mentions.first?.uses == [.named: .yes, .quoted: .yes, .shown: .yes])
    }

    @Test func everyUseWithoutConsentIsAProblemUntilTheAuthorActs() {
        let quote = UUID(), photo = UUID()
        let items: [PublicationCheck.Item] = [
            .participant(councillor.id, place: "forum"), .participant(councillor.id, place: "assembly"),
            .quote(id: quote, speaker: partner.id, withheld: false, place: "7 Aug"),
            .photo(id: photo, shown: [mayor.id, councillor.id], place: "8 Aug"),
        ]
        let blocked = PublicationCheck.run(items: items, subjects: subjects, decisions: .init())
        #expect(!blocked.isClean)
        // Named once, however many engagements; the quote and the photo each with their item.
        #expect(blocked.problems.filter { $0.person == councillor.id && $0.use == .named }.count == 1)
        #expect(blocked.problems.contains { $0.person == partner.id && $0.use == .quoted && $0.answer == .unknown && $0.item == quote })
        #expect(blocked.problems.contains { $0.person == councillor.id && $0.use == .shown && $0.answer == .no && $0.item == photo })

        // Anonymise the councillor, leave out the quote and the photo: clean.
        let decisions = PublicationCheck.Decisions(people: [councillor.id: .init(.anonymise, label: "a municipal councillor")],
                                                   quotesLeftOut: [quote], photosLeftOut: [photo])
        let clean = PublicationCheck.run(items: items, subjects: subjects, decisions: decisions)
        #expect(clean.isClean)
        #expect(PublicationCheck.shownName(of: councillor, decisions: decisions, anonymous: "a participant") == "a municipal councillor")
        #expect(!PublicationCheck.includes(quote: quote, speaker: partner.id, withheld: false, subjects: subjects, decisions: decisions))
        #expect(!PublicationCheck.includes(photo: photo, shown: [mayor.id, councillor.id], subjects: subjects, decisions: decisions))
    }

    @Test func anonymisingDoesNotPublishWordsOrFacesWithoutConsent() {
        let quote = UUID(), photo = UUID()
        let decisions = PublicationCheck.Decisions(people: [councillor.id: .init(.anonymise)])
        let result = PublicationCheck.run(items: [.quote(id: quote, speaker: councillor.id, withheld: false, place: "forum"),
                                                  .photo(id: photo, shown: [councillor.id], place: "forum")],
                                          subjects: subjects, decisions: decisions)
        #expect(result.problems.map(\.use) == [.quoted, .shown])
        #expect(PublicationCheck.shownName(of: councillor, decisions: decisions, anonymous: "a participant") == "a participant")
    }

    @Test func leavingSomeoneOutTakesTheirQuotesAndPhotosWithThem() {
        let quote = UUID(), photo = UUID()
        let decisions = PublicationCheck.Decisions(people: [councillor.id: .init(.leaveOut)])
        let result = PublicationCheck.run(items: [.participant(councillor.id, place: "forum"),
                                                  .quote(id: quote, speaker: councillor.id, withheld: false, place: "forum"),
                                                  .photo(id: photo, shown: [mayor.id, councillor.id], place: "forum")],
                                          subjects: subjects, decisions: decisions)
        #expect(result.isClean)
        // Still listed, so the author can bring them back.
        #expect(result.mentions.map(\.person) == [councillor.id])
        #expect(!PublicationCheck.includes(quote: quote, speaker: councillor.id, withheld: false, subjects: subjects, decisions: decisions))
        #expect(!PublicationCheck.includes(photo: photo, shown: [mayor.id, councillor.id], subjects: subjects, decisions: decisions))
    }

    @Test func restrictedPeopleNeverAppearAndAreNeverNamedInTheReasons() {
        let quote = UUID(), photo = UUID()
        // Even with every consent and the author asking to name them.
        let decisions = PublicationCheck.Decisions(people: [witness.id: .init(.name)])
        let result = PublicationCheck.run(items: [.participant(witness.id, place: "forum"),
                                                  .quote(id: quote, speaker: witness.id, withheld: false, place: "forum"),
                                                  .photo(id: photo, shown: [mayor.id, witness.id], place: "forum"),
                                                  .text("Milica Petrović spoke about the barricades.", place: "summary")],
                                          subjects: subjects, decisions: decisions)
        #expect(result.mentions.isEmpty)
        #expect(result.restrictedLeftOut == 1)
        #expect(result.problems.map(\.reason) == [.restrictedNameInText])
        #expect(result.problems.first?.person == nil && result.problems.first?.place == "summary")
        #expect(PublicationCheck.shownName(of: witness, decisions: decisions, anonymous: "a participant") == nil)
        #expect(!PublicationCheck.includes(quote: quote, speaker: witness.id, withheld: false, subjects: subjects, decisions: decisions))
        #expect(!PublicationCheck.includes(photo: photo, shown: [mayor.id, witness.id], subjects: subjects, decisions: decisions))
    }

    @Test("a name typed into the text is found in any spelling once the person is not to be named", arguments: [
        "We met Arben Krasniqi in Zvečan.", "Mr KRASNIQI opened the forum.", "Arbën KRASNIQI spoke first.",
    ])
    func namesInTextAreFound(text: String) {
        let decisions = PublicationCheck.Decisions(people: [councillor.id: .init(.anonymise)])
        let result = PublicationCheck.run(items: [.text(text, place: "lead")], subjects: subjects, decisions: decisions)
        #expect(result.problems.map(\.reason) == [.nameInText])
        #expect(result.problems.first?.person == councillor.id)
    }

    @Test func otherSpellingsCountAndNamesThatMayBeUsedRaiseNothing() {
        let decisions = PublicationCheck.Decisions(people: [partner.id: .init(.anonymise)])
        let cyrillic = PublicationCheck.run(items: [.text("Састанак са Емилија Реџепи", place: "lead")], subjects: subjects, decisions: decisions)
        #expect(cyrillic.problems.count == 1)
        let named = PublicationCheck.run(items: [.text("Mayor Bedri Hamza welcomed the delegation.", place: "lead")], subjects: subjects, decisions: .init())
        #expect(named.isClean)
        // A surname of under four letters is not searched alone: it is a word in too many sentences.
        let short = PublicationCheck.Subject(id: UUID(), name: "Ana Bo", restricted: false, named: .no, quoted: .no, photographed: .no)
        let result = PublicationCheck.run(items: [.text("Bo and others", place: "lead")], subjects: [short.id: short],
                                          decisions: .init(people: [short.id: .init(.anonymise)]))
        #expect(result.isClean)
    }

    @Test func withheldQuotesNeverGoOutAndAreOnlyCounted() {
        let quote = UUID()
        let result = PublicationCheck.run(items: [.quote(id: quote, speaker: partner.id, withheld: true, place: "7 Aug")], subjects: subjects, decisions: .init())
        #expect(result.isClean)
        #expect(result.quotesWithheld == 1)
        #expect(!PublicationCheck.includes(quote: quote, speaker: partner.id, withheld: true, subjects: subjects, decisions: .init()))
        // An unnamed speaker's quote follows only its own mark.
        #expect(PublicationCheck.includes(quote: UUID(), speaker: nil, withheld: false, subjects: subjects, decisions: .init()))
    }
}
