import Domain
import Features
import Markup

extension WorkingGroupFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: model.existing.map { text("groups.edit") + ": " + $0.summary.name } ?? text("groups.new"),
            action: model.existing.map { .record(.workingGroup, $0.id) } ?? .list(.workingGroup), version: values.version,
            errors: errors, conflict: .of(model.conflict.map { WorkingGroupViews.facts($0, text: text) }, text: text))
        return frame.page(chrome: chrome) {
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
    }
}
