import Domain
import Features
import Markup

extension OrganizationFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let notSet = text("people.notSet")
        let frame = RecordFormFrame(
            title: model.existing.map { text("record.edit") + ": " + $0.name } ?? text("organizations.new"),
            trail: [model.existing.map { ($0.name, .record(.organization, $0.id)) }
                    ?? (text("organizations.title"), .list(.organization))],
            action: model.existing.map { .record(.organization, $0.id) } ?? .list(.organization), version: values.version,
            errors: errors, conflict: .of(model.conflict.map { OrganizationViews.facts($0, text: text, name: true) }, text: text),
            novalidate: true)
        return frame.page(chrome: chrome) {
            Forms.field(label: text("organizations.name"), name: "name", value: values.name, error: errors["name"],
                        required: true, autocomplete: "off")
            Forms.textarea(label: text("organizations.otherNames"), name: "otherNames", value: values.otherNames,
                           error: errors["otherNames"], help: text("organizations.otherNames.help"), rows: 2)
            Forms.select(label: text("organizations.kind"), name: "kind",
                         options: Forms.options(OrganizationKind.self, prefix: "kind", text: text), selected: values.kind,
                         error: errors["kind"])
            Forms.select(label: text("organizations.level"), name: "level",
                         options: Forms.options(GovernanceLevel.self, prefix: "level", text: text, empty: notSet),
                         selected: values.level, error: errors["level"])
            Forms.select(label: text("organizations.parent"), name: "parentID",
                         options: Forms.refOptions(model.organizations.filter { $0.id != model.existing?.id }, empty: notSet),
                         selected: values.parentID, error: errors["parentID"])
            Forms.select(label: text("organizations.place"), name: "placeID",
                         options: Forms.refOptions(model.places, empty: notSet), selected: values.placeID,
                         error: errors["placeID"])
            Forms.field(label: text("organizations.website"), name: "website", type: "url", value: values.website,
                        error: errors["website"], autocomplete: "off")
            Forms.textarea(label: text("organizations.notes"), name: "notes", value: values.notes, error: errors["notes"],
                           rows: 4)
        }
    }
}
