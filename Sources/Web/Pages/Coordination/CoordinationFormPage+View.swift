import Domain
import Features
import Markup

extension CoordinationFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: model.existing.map { text("coordination.edit") + ": " + $0.theme } ?? text("coordination.new"),
            action: model.existing.map { .record(.coordination, $0.id) } ?? .list(.coordination), version: values.version,
            errors: errors, conflict: .of(model.conflict.map { CoordinationViews.facts($0, text: text) }, text: text))
        return frame.page(chrome: chrome) {
            Forms.field(label: text("coordination.organization"), name: "organization", value: values.organization,
                        error: errors["organizationID"], help: text("coordination.organization.help"), required: true,
                        id: "f-organizationID")
            Forms.field(label: text("coordination.theme"), name: "theme", value: values.theme, error: errors["theme"],
                        required: true)
            Forms.multiple(label: text("coordination.places"), name: "placeIDs", refs: model.places,
                           selected: values.placeIDs, error: errors["placeIDs"], help: text("visits.places.help"))
            Forms.field(label: text("coordination.startsOn"), name: "startsOn", type: "date", value: values.startsOn,
                        error: errors["startsOn"])
            Forms.field(label: text("coordination.endsOn"), name: "endsOn", type: "date", value: values.endsOn,
                        error: errors["endsOn"])
            Forms.field(label: text("coordination.contact"), name: "contact", value: values.contact,
                        error: errors["contactPersonID"], id: "f-contactPersonID")
            Forms.textarea(label: text("coordination.notes"), name: "notes", value: values.notes, error: errors["notes"],
                           rows: 4)
        }
    }
}
