import Domain
import Features
import Markup

/// Adding or editing a position. With 100,000 people and 10,000 organisations no drop-down can hold
/// them all, so the form finds the person or organisation by name first (a GET that keeps what was typed),
/// which works without JavaScript.
enum PositionFormPage {
    struct Values: FormVersion {
        var personID = "", organizationID = "", title = "", startsOn = "", endsOn = "", version = ""
    }

    struct Model: Sendable {
        var existing: PositionRecord?
        var values = Values()
        var errors = Forms.Errors()
        var person: RecordRef?
        var organization: RecordRef?
        var personQuery = ""
        var organizationQuery = ""
        var personMatches: [RecordRef] = []
        var organizationMatches: [RecordRef] = []
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let title = text(model.existing == nil ? "positions.new" : "positions.edit")
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let person = model.person { H.link(person.name, to: .record(.person, person.id)) }
                else if let organization = model.organization { H.link(organization.name, to: .record(.organization, organization.id)) }
            }
            H.el("h1") { Text(title) }
            Forms.errorSummary(errors, text: text)
            if model.existing == nil && (model.person == nil || model.organization == nil) {
                finder(model, chrome: chrome)
            }
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.position, $0.id) } ?? .list(.position)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                chosen(label: text("positions.person"), name: "personID", fixed: model.person, matches: model.personMatches, selected: values.personID, error: errors["personID"], text: text)
                chosen(label: text("positions.organization"), name: "organizationID", fixed: model.organization, matches: model.organizationMatches, selected: values.organizationID, error: errors["organizationID"], text: text)
                Forms.field(label: text("positions.title"), name: "title", value: values.title, error: errors["title"], required: true, autocomplete: "off")
                Forms.field(label: text("positions.startsOn"), name: "startsOn", type: "date", value: values.startsOn, error: errors["startsOn"], help: text("positions.dates.help"))
                Forms.field(label: text("positions.endsOn"), name: "endsOn", type: "date", value: values.endsOn, error: errors["endsOn"])
                Forms.submit(text("record.save"))
            }
            if let existing = model.existing {
                H.el("p", [("class", "separate")]) {
                    H.link(text("positions.delete"), to: .record(.position, existing.id, .delete), [("class", "button danger-link")])
                }
            }
        }
    }

    /// The person or organisation the position is for: fixed, or chosen among the names found.
    static func chosen(label: String, name: String, fixed: RecordRef?, matches: [RecordRef], selected: String, error: String?, text: Localizer) -> Component {
        if let fixed {
            return H.el("div", [("class", "field")]) {
                H.text("p", [("class", "label")], label)
                H.text("p", [], fixed.name)
                Forms.hidden(name, fixed.id.path)
            }
        }
        return Forms.select(label: label, name: name, options: RegistryViews.refOptions(matches, empty: "—"), selected: selected, error: error)
    }

    static func finder(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("form", [("method", "get"), ("action", SiteURL.new(.position).path), ("class", "finder"), ("role", "search")]) {
            if let person = model.person { Forms.hidden("person", person.id.path) }
            else { Forms.field(label: text("positions.person") + " — " + text("list.filterBox"), name: "personq", type: "search", value: model.personQuery, help: text("list.filterBox.help")) }
            if let organization = model.organization { Forms.hidden("organization", organization.id.path) }
            else { Forms.field(label: text("positions.organization") + " — " + text("list.filterBox"), name: "organizationq", type: "search", value: model.organizationQuery, help: text("list.filterBox.help")) }
            Forms.submit(text("list.filter"), "secondary")
        }
    }
}
