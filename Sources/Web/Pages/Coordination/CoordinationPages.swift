import Domain
import Features
import Markup

/// Who does what where: the matrix of actors × themes (filtered by place and period), one activity, the form.
enum CoordinationPages {
    struct IndexModel: Sendable {
        var matrix: CoordinationMatrix
        var placeID: String
        var from: String
        var to: String
        var places: [RecordRef]
        var canWrite: Bool
        var errors = Forms.Errors()

        var query: String { QueryString.encode([("place", placeID), ("from", from), ("to", to)]) }
    }

    static func index(_ model: IndexModel, chrome: Chrome) -> String {
        let text = chrome.text
        let matrix = model.matrix
        return Layout.page(title: text("coordination.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("coordination.title")) }
                if model.canWrite { H.link(text("coordination.new"), to: .new(.coordination), [("class", "button primary")]) }
            }
            Paragraph(text("coordination.intro"))
            H.el("form", [("method", "get"), ("action", SiteURL.list(.coordination).path), ("class", "filters"), ("role", "search")]) {
                Forms.select(label: text("coordination.places"), name: "place",
                             options: RegistryViews.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
                Forms.field(label: text("engagements.from"), name: "from", type: "date", value: model.from, error: model.errors["from"])
                Forms.field(label: text("engagements.to"), name: "to", type: "date", value: model.to, error: model.errors["to"])
                Forms.submit(text("list.filter"), "secondary")
            }
            H.el("p") {
                H.el("a", [("href", SiteURL.coordinationExport.path + (model.query.isEmpty ? "" : "?" + model.query)), ("download", "")]) {
                    Text(text("coordination.export"))
                }
            }
            if matrix.actors.isEmpty { Paragraph(text("coordination.none")) } else {
                H.el("h2", [("id", "matrix")]) { Text(text("coordination.matrix")) }
                // A real table: its headers are read out with each cell; on a phone it scrolls sideways within its box.
                H.el("div", [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", "matrix"), ("tabindex", "0")]) {
                    H.el("table", [("class", "matrix")]) {
                        H.el("thead") {
                            H.el("tr") {
                                H.text("th", [("scope", "col")], text("coordination.actor"))
                                for theme in matrix.themes { H.text("th", [("scope", "col")], theme) }
                            }
                        }
                        H.el("tbody") {
                            for actor in matrix.actors {
                                H.el("tr") {
                                    H.el("th", [("scope", "row")]) { H.link(actor.name, to: .record(.organization, actor.id)) }
                                    for theme in matrix.themes {
                                        H.el("td") {
                                            for activity in matrix.cells[actor.id]?[theme] ?? [] {
                                                H.el("p") {
                                                    H.link(placesAndPeriod(activity, text: text), to: .record(.coordination, activity.id))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// "North Mitrovica, Zvečan · 2023-01-01 – open".
    static func placesAndPeriod(_ activity: CoordinationRecord, text: Localizer) -> String {
        let places = activity.places.isEmpty ? nil : activity.places.map(\.name).joined(separator: ", ")
        let period = activity.period.from == nil && activity.period.to == nil ? nil
            : "\(activity.period.from?.description ?? "…") – \(activity.period.to?.description ?? text("coordination.open"))"
        return [places, period].compactMap { $0 }.joined(separator: " · ").isEmpty ? activity.theme
            : [places, period].compactMap { $0 }.joined(separator: " · ")
    }

    struct Model: Sendable {
        var activity: CoordinationRecord
        var canWrite: Bool
        var canRestore: Bool
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let activity = model.activity
        let title = "\(activity.organization.name): \(activity.theme)"
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("coordination.title"), to: .list(.coordination)) }
            H.el("h1") { Text(title) }
            RegistryViews.badges(restricted: false, deleted: activity.isDeleted, text: text)
            if model.canWrite {
                RegistryViews.actions(edit: activity.isDeleted ? nil : .record(.coordination, activity.id, .edit), delete: activity.isDeleted ? nil : .record(.coordination, activity.id, .delete),
                                      restore: activity.isDeleted && model.canRestore ? .record(.coordination, activity.id, .restore) : nil,
                                      history: .record(.coordination, activity.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.coordination, activity.id, .history), [("class", "button secondary")]) }
            }
            facts(activity, text: text)
        }
    }

    static func facts(_ activity: CoordinationRecord, text: Localizer) -> Component {
        RegistryViews.facts([
            (text("coordination.organization"), H.link(activity.organization.name, to: .record(.organization, activity.organization.id))),
            (text("coordination.theme"), Text(activity.theme)),
            (text("coordination.places"), activity.places.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for place in activity.places { H.el("li") { H.link(place.name, to: .record(.place, place.id)) } }
            }),
            (text("coordination.period"), activity.period.from == nil && activity.period.to == nil ? nil
                : Text("\(activity.period.from?.description ?? "…") – \(activity.period.to?.description ?? text("coordination.open"))")),
            (text("coordination.contact"), RegistryViews.link(activity.contact, { SiteURL.record(.person, $0) })),
            (text("coordination.notes"), RegistryViews.plain(activity.notes)),
        ], text: text)
    }

    struct Values: FormVersion {
        var organization = "", theme = "", startsOn = "", endsOn = "", placeIDs: [String] = [], contact = "", notes = "", version = ""

        init() {}

        init(_ activity: CoordinationRecord) {
            organization = activity.organization.name
            theme = activity.theme
            startsOn = activity.period.from?.description ?? ""
            endsOn = activity.period.to?.description ?? ""
            placeIDs = activity.places.map(\.id.path)
            contact = activity.contact?.name ?? ""
            notes = activity.notes ?? ""
            version = String(activity.version)
        }
    }

    struct FormModel: Sendable {
        var existing: CoordinationRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: CoordinationRecord?
        var places: [RecordRef]
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("coordination.edit") + ": " + $0.theme } ?? text("coordination.new")
        return Layout.page(title: title, chrome: chrome) {
            H.el("h1") { Text(title) }
            if let theirs = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    H.text("h2", [], text("record.theirs"))
                    facts(theirs, text: text)
                }
            }
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.coordination, $0.id) } ?? .list(.coordination)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("coordination.organization"), name: "organization", value: values.organization, error: errors["organizationID"],
                            help: text("coordination.organization.help"), required: true, id: "f-organizationID")
                Forms.field(label: text("coordination.theme"), name: "theme", value: values.theme, error: errors["theme"], required: true)
                VisitPages.multiple(label: text("coordination.places"), name: "placeIDs", refs: model.places, selected: values.placeIDs, error: errors["placeIDs"],
                                    help: text("visits.places.help"))
                Forms.field(label: text("coordination.startsOn"), name: "startsOn", type: "date", value: values.startsOn, error: errors["startsOn"])
                Forms.field(label: text("coordination.endsOn"), name: "endsOn", type: "date", value: values.endsOn, error: errors["endsOn"])
                Forms.field(label: text("coordination.contact"), name: "contact", value: values.contact, error: errors["contactPersonID"], id: "f-contactPersonID")
                RegistryViews.textarea(label: text("coordination.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 4)
                Forms.submit(text("record.save"))
            }
        }
    }
}
