import Domain
import Features
import Markup

/// Pieces of the agreement pages that other pages show too: the list, the line about one, its facts.
enum AgreementViews {
    static func list(_ items: [AgreementSummary], text: Localizer) -> Component {
        RecordList.of(items, text: text) { meta($0, text: text) }
    }

    /// "Partnership · Signed · signed 2023-08-07".
    static func meta(_ item: AgreementSummary, text: Localizer) -> String {
        [text("agreementKind.\(item.kind.rawValue)"), text("agreementStatus.\(item.status.rawValue)"),
         item.signedOn.map { text("agreements.signedOn") + " " + text.day($0) },
         item.validUntil.map { text("agreements.validUntil") + " " + text.day($0) }]
            .compactMap { $0 }.joined(separator: " · ")
    }

    /// The section on a person's or organisation's page.
    static func partyTo(_ items: [AgreementSummary], text: Localizer) -> Component {
        Section.unlessEmpty(items, id: "agreements-heading",
                            title: text("agreements.withThem")) { list(items, text: text) }
    }

    /// The agreement's facts; also shown beside the form when someone else saved first.
    static func facts(_ agreement: AgreementRecord, text: Localizer) -> Component {
        let summary = agreement.summary
        return Facts.list([
            (text("agreements.kind"), Text(text("agreementKind.\(summary.kind.rawValue)"))),
            (text("agreements.status"), Text(text("agreementStatus.\(summary.status.rawValue)"))),
            (text("agreements.signedOn"), Facts.plain(summary.signedOn.map(text.day))),
            (text("agreements.validUntil"), Facts.plain(summary.validUntil.map(text.day))),
            (text("agreements.focus"), Facts.plain(agreement.focus)),
            (text("engagements.topics"), Facts.plain(agreement.topics.joined(separator: ", "))),
            (text("agreements.parties"), parties(agreement.parties, text: text)),
            (text("agreements.notes"), Facts.plain(agreement.notes)),
            (text("agreements.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    static func parties(_ parties: [AgreementParty], text: Localizer) -> Component? {
        guard !parties.isEmpty else { return nil }
        return H.el("ul", [("class", "plain")]) {
            for party in parties {
                H.el("li") {
                    if let org = party.organization { H.link(org.name, to: .record(.organization, org.id)) }
                    if let person = party.person { H.link(person.name, to: .record(.person, person.id)) }
                    Text(" — " + text("partyPart.\(party.part.rawValue)"))
                }
            }
        }
    }
}

extension AgreementSummary: Listed {
    static let resource = Resource.agreement
    var listedName: String { title }
    var isRestricted: Bool { confidentiality == .restricted }
}
