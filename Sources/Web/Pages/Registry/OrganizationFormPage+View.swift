import Domain
import Features
import Markup

extension OrganizationFormPage: RecordFormPage {
    static let form = RecordForm(.organization, keys: "organizations", edit: "record.edit", novalidate: true)

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        let notSet = text("people.notSet")
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
                     options: Forms.refOptions(model.organizations.filter { $0.id != model.existing?.id },
                                               empty: notSet),
                     selected: values.parentID, error: errors["parentID"])
        Forms.select(label: text("organizations.place"), name: "placeID",
                     options: Forms.refOptions(model.places, empty: notSet), selected: values.placeID,
                     error: errors["placeID"])
        Forms.field(label: text("organizations.website"), name: "website", type: "url", value: values.website,
                    error: errors["website"], autocomplete: "off")
        Forms.textarea(label: text("organizations.notes"), name: "notes", value: values.notes, error: errors["notes"],
                       rows: 4)
    }

    static func theirs(_ record: OrganizationRecord, text: Localizer) -> Component? {
        OrganizationViews.facts(record, text: text, name: true)
    }
}
