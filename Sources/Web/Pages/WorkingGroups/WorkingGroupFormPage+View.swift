import Domain
import Features
import Markup

extension WorkingGroupFormPage: RecordFormPage {
    static let form = RecordForm(.workingGroup, keys: "groups")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.field(label: text("groups.name"), name: "name", value: values.name, error: errors["name"], required: true)
        Forms.textarea(label: text("groups.purpose"), name: "purpose", value: values.purpose, error: errors["purpose"],
                       rows: 2)
        Forms.select(label: text("groups.agreement"), name: "agreementID",
                     options: Forms.refOptions(model.agreements, empty: text("engagements.noChoice")),
                     selected: values.agreementID, error: errors["agreementID"])
        Forms.textarea(label: text("groups.members"), name: "members", value: values.members, error: errors["members"],
                       help: text("groups.members.help"), rows: 5)
        Forms.confidentiality(selected: values.confidentiality, canWriteRestricted: model.canWriteRestricted,
                              label: text("groups.confidentiality"), error: errors["confidentiality"], text: text)
    }

    static func theirs(_ record: WorkingGroupRecord, text: Localizer) -> Component? {
        WorkingGroupViews.facts(record, text: text)
    }
}
