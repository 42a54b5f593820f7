import Domain
import Features
import Markup

extension AgreementFormPage: RecordFormPage {
    static let form = RecordForm(.agreement, keys: "agreements")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.title(values.title, errors, text)
        Forms.select(label: text("agreements.kind"), name: "kind",
                     options: Forms.options(AgreementKind.self, prefix: "agreementKind", text: text),
                     selected: values.kind, error: errors["kind"])
        Forms.select(label: text("agreements.status"), name: "status",
                     options: Forms.options(AgreementStatus.self, prefix: "agreementStatus", text: text),
                     selected: values.status, error: errors["status"])
        Forms.field(label: text("agreements.statusOn"), name: "statusOn", type: "date", value: values.statusOn,
                    error: errors["statusOn"], help: text("agreements.statusOn.help"))
        Forms.field(label: text("agreements.signedOn"), name: "signedOn", type: "date", value: values.signedOn,
                    error: errors["signedOn"])
        Forms.field(label: text("agreements.validUntil"), name: "validUntil", type: "date", value: values.validUntil,
                    error: errors["validUntil"])
        Forms.field(label: text("agreements.focus"), name: "focus", value: values.focus, error: errors["focus"])
        Forms.field(label: text("agreements.topics"), name: "topics", value: values.topics, error: errors["topics"])
        Forms.textarea(label: text("agreements.organizations"), name: "organizations", value: values.organizations,
                       error: errors["organizations"], help: text("agreements.organizations.help"))
        Forms.textarea(label: text("agreements.people"), name: "people", value: values.people,
                       error: errors["people"], help: text("agreements.people.help"))
        Forms.textarea(label: text("agreements.notes"), name: "notes", value: values.notes, error: errors["notes"],
                       rows: 4)
        Forms.confidentiality(selected: values.confidentiality, canWriteRestricted: model.canWriteRestricted,
                              label: text("agreements.confidentiality"), error: errors["confidentiality"], text: text)
    }

    static func theirs(_ record: AgreementRecord, text: Localizer) -> Component? {
        AgreementViews.facts(record, text: text)
    }
}
