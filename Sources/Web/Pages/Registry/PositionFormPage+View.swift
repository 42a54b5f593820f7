import Domain
import Features
import Markup

extension PositionFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let back = model.person.map { ($0.name, SiteURL.record(.person, $0.id)) }
            ?? model.organization.map { ($0.name, SiteURL.record(.organization, $0.id)) }
        let frame = RecordFormFrame(
            title: text(model.existing == nil ? "positions.new" : "positions.edit"), trail: back.map { [$0] } ?? [],
            action: model.existing.map { .record(.position, $0.id) } ?? .list(.position), version: values.version,
            errors: errors, novalidate: true)
        let delete = model.existing.map { existing in
            H.el("p", [("class", "separate")]) {
                H.link(text("positions.delete"), to: .record(.position, existing.id, .delete),
                       [("class", "button danger-link")])
            }
        }
        return frame.page(chrome: chrome, above: model.needsFinder ? finder(model, text: text) : H.empty,
                          below: delete ?? H.empty) {
            chosen(label: text("positions.person"), name: "personID", fixed: model.person, matches: model.personMatches,
                   selected: values.personID, error: errors["personID"])
            chosen(label: text("positions.organization"), name: "organizationID", fixed: model.organization,
                   matches: model.organizationMatches, selected: values.organizationID, error: errors["organizationID"])
            Forms.field(label: text("positions.title"), name: "title", value: values.title, error: errors["title"],
                        required: true, autocomplete: "off")
            Forms.field(label: text("positions.startsOn"), name: "startsOn", type: "date", value: values.startsOn,
                        error: errors["startsOn"], help: text("positions.dates.help"))
            Forms.field(label: text("positions.endsOn"), name: "endsOn", type: "date", value: values.endsOn,
                        error: errors["endsOn"])
        }
    }

    /// The person or organisation the position is for: fixed, or chosen among the names found.
    static func chosen(label: String, name: String, fixed: RecordRef?, matches: [RecordRef], selected: String,
                       error: String?) -> Component {
        if let fixed {
            return H.el("div", [("class", "field")]) {
                H.text("p", [("class", "label")], label)
                H.text("p", [], fixed.name)
                Forms.hidden(name, fixed.id.path)
            }
        }
        return Forms.select(label: label, name: name, options: Forms.refOptions(matches, empty: "—"),
                            selected: selected,
                            error: error)
    }

    /// Finding the person and the organisation by name: a GET that keeps what was typed.
    static func finder(_ model: Model, text: Localizer) -> Component {
        Filters.form(action: .new(.position), cssClass: "finder", text: text) {
            if let person = model.person {
                Forms.hidden("person", person.id.path)
            } else {
                Forms.field(label: text("positions.person") + " — " + text("list.filterBox"), name: "personq",
                            type: "search",
                            value: model.personQuery, help: text("list.filterBox.help"))
            }
            if let organization = model.organization {
                Forms.hidden("organization", organization.id.path)
            } else {
                Forms.field(label: text("positions.organization") + " — " + text("list.filterBox"),
                            name: "organizationq",
                            type: "search", value: model.organizationQuery, help: text("list.filterBox.help"))
            }
        }
    }
}
