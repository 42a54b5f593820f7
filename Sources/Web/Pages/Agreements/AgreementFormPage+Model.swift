import Domain
import Features

/// Adding or editing an agreement; parties are typed by name, a line each.
enum AgreementFormPage {
    struct Values: FormVersion {
        var kind = AgreementKind.partnership.rawValue, title = "", focus = "", topics = ""
        var signedOn = "", validUntil = ""
        var status = AgreementStatus.draft.rawValue, statusOn = "", confidentiality = Confidentiality.internal.rawValue
        var notes = "", organizations = "", people = "", version = ""

        init() {}

        init(_ agreement: AgreementRecord, text: Localizer) {
            let summary = agreement.summary
            kind = summary.kind.rawValue
            title = summary.title
            focus = agreement.focus ?? ""
            topics = agreement.topics.joined(separator: ", ")
            signedOn = summary.signedOn?.description ?? ""
            validUntil = summary.validUntil?.description ?? ""
            status = summary.status.rawValue
            confidentiality = summary.confidentiality.rawValue
            notes = agreement.notes ?? ""
            organizations = Self.lines(agreement.parties) { $0.organization }
            people = Self.lines(agreement.parties) { $0.person }
            version = String(agreement.version)
        }

        /// "Office of the Deputy Prime Minister, signatory", a line each.
        static func lines(_ parties: [AgreementParty], _ ref: (AgreementParty) -> RecordRef?) -> String {
            parties.compactMap { party in ref(party).map { "\($0.name), \(party.part.rawValue)" } }
                .joined(separator: "\n")
        }
    }

    struct Model: RecordFormModel {
        var existing: AgreementRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: AgreementRecord?
        var canWriteRestricted: Bool
    }
}
