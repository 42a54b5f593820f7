import Domain
import Features
import Markup

/// Field visits: the list, one visit with its engagements in order, and the form.
enum VisitPages {
    static func index(_ page: ListPage<FieldVisitSummary>, canWrite: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("visits.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("visits.title")) }
                if canWrite { H.link(text("visits.new"), to: .new(.visit), [("class", "button primary")]) }
            }
            if page.items.isEmpty { Paragraph(text("visits.none")) } else {
                H.el("ul", [("class", "records")]) {
                    for visit in page.items {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) {
                                H.link(visit.title, to: .record(.visit, visit.id))
                                RegistryViews.badges(restricted: false, deleted: visit.isDeleted, text: text)
                            }
                            H.text("p", [("class", "record-meta")], "\(visit.startsOn) – \(visit.endsOn) · \(text("visitStatus.\(visit.status.rawValue)"))")
                        }
                    }
                }
            }
            RegistryViews.pager(page, base: SiteURL.list(.visit).path, query: { "page=\($0)" }, text: text)
        }
    }

    struct Model: Sendable {
        var visit: FieldVisitRecord
        var engagements: [EngagementSummary]
        /// What happened around the visit, on its days.
        var context: [ContextEventSummary] = []
        var canWrite: Bool
        var canRestore: Bool
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let visit = model.visit
        return Layout.page(title: visit.summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("visits.title"), to: .list(.visit)) }
            H.el("h1") { Text(visit.summary.title) }
            if model.canWrite {
                RegistryViews.actions(edit: visit.summary.isDeleted ? nil : .record(.visit, visit.id, .edit), delete: visit.summary.isDeleted ? nil : .record(.visit, visit.id, .delete),
                                      restore: visit.summary.isDeleted && model.canRestore ? .record(.visit, visit.id, .restore) : nil,
                                      history: .record(.visit, visit.id, .history), csrf: chrome.csrfToken, text: text)
            }
            facts(visit, text: text)
            if !visit.summary.isDeleted {
                H.el("p", [("class", "actions")]) {
                    H.link(text("report.open"), to: .record(.visit, visit.id, .report), [("class", "button secondary")])
                    H.link(text("publicUpdate.open"), to: .record(.visit, visit.id, .publicUpdate), [("class", "button secondary")])
                }
            }
            H.el("section", [("aria-labelledby", "engagements")]) {
                H.el("div", [("class", "title-row")]) {
                    H.el("h2", [("id", "engagements")]) { Text(text("visits.engagements")) }
                    if model.canWrite && !visit.summary.isDeleted {
                        H.el("a", [("href", SiteURL.new(.engagement).path + "?visit=" + visit.id.uuidString.lowercased()), ("class", "button secondary")]) {
                            Text(text("visits.logEngagement"))
                        }
                    }
                }
                if model.engagements.isEmpty && model.context.isEmpty { Paragraph(text("record.none")) } else {
                    EngagementViews.timeline(model.engagements, context: model.context, newestFirst: false, text: text)
                }
            }
        }
    }

    static func facts(_ visit: FieldVisitRecord, text: Localizer) -> Component {
        RegistryViews.facts([
            (text("visits.dates"), Text("\(visit.summary.startsOn) – \(visit.summary.endsOn)")),
            (text("visits.status"), Text(text("visitStatus.\(visit.summary.status.rawValue)"))),
            (text("visits.purpose"), RegistryViews.plain(visit.purpose)),
            (text("visits.places"), visit.places.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for place in visit.places { H.el("li") { H.link(place.name, to: .record(.place, place.id)) } }
            }),
            (text("visits.delegation"), visit.users.isEmpty && visit.people.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for user in visit.users { H.text("li", [], user.name) }
                for person in visit.people { H.el("li") { H.link(person.name, to: .record(.person, person.id)) } }
            }),
            (text("visits.summary"), RegistryViews.plain(visit.notes)),
        ], text: text)
    }

    struct Values: FormVersion {
        var title = "", purpose = "", startsOn = "", endsOn = "", status = VisitStatus.planned.rawValue, summary = ""
        var placeIDs: [String] = [], userIDs: [String] = [], people = "", version = ""

        init() {}

        init(_ visit: FieldVisitRecord) {
            title = visit.summary.title
            purpose = visit.purpose ?? ""
            startsOn = visit.summary.startsOn.description
            endsOn = visit.summary.endsOn.description
            status = visit.summary.status.rawValue
            summary = visit.notes ?? ""
            placeIDs = visit.places.map { $0.id.uuidString.lowercased() }
            userIDs = visit.users.map { $0.id.uuidString.lowercased() }
            people = visit.people.map(\.name).joined(separator: "\n")
            version = String(visit.version)
        }
    }

    struct FormModel: Sendable {
        var existing: FieldVisitRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: FieldVisitRecord?
        var places: [RecordRef]
        var users: [RecordRef]
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("visits.edit") + ": " + $0.summary.title } ?? text("visits.new")
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
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.visit, $0.id) } ?? .list(.visit)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"], required: true)
                Forms.field(label: text("visits.startsOn"), name: "startsOn", type: "date", value: values.startsOn, error: errors["startsOn"], required: true)
                Forms.field(label: text("visits.endsOn"), name: "endsOn", type: "date", value: values.endsOn, error: errors["endsOn"], required: true)
                Forms.select(label: text("visits.status"), name: "status",
                             options: RegistryViews.options(VisitStatus.self, prefix: "visitStatus", text: text), selected: values.status, error: errors["status"])
                RegistryViews.textarea(label: text("visits.purpose"), name: "purpose", value: values.purpose, error: errors["purpose"], rows: 2)
                multiple(label: text("visits.places"), name: "placeIDs", refs: model.places, selected: values.placeIDs, error: errors["placeIDs"], help: text("visits.places.help"))
                multiple(label: text("visits.users"), name: "userIDs", refs: model.users, selected: values.userIDs, error: errors["memberUserIDs"], help: text("visits.places.help"))
                RegistryViews.textarea(label: text("visits.people"), name: "people", value: values.people, error: errors["memberPersonIDs"],
                                       help: text("engagements.organizations.help.people"), rows: 3)
                RegistryViews.textarea(label: text("visits.summary"), name: "summary", value: values.summary, error: errors["summary"], rows: 5)
                Forms.submit(text("record.save"))
            }
        }
    }

    static func multiple(label: String, name: String, refs: [RecordRef], selected: [String], error: String?, help: String) -> Component {
        let id = "f-\(name)"
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(label) }
            H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(help) }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            H.el("select", [("id", id), ("name", name + "[]"), ("multiple", ""), ("size", "6"), ("aria-describedby", "\(id)-help"),
                            ("aria-invalid", error == nil ? nil : "true")]) {
                for ref in refs {
                    let value = ref.id.uuidString.lowercased()
                    H.el("option", [("value", value), ("selected", selected.contains(value) ? "" : nil)]) { Text(ref.name) }
                }
            }
        }
    }
}
