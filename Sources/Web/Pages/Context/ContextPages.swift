import Domain
import Features
import Markup

/// Context events: the list (filtered by kind, place and period), one event, and the form.
enum ContextPages {
    struct IndexModel: Sendable {
        var page: ListPage<ContextEventSummary>
        var kind: String
        var placeID: String
        var from: String
        var to: String
        var places: [RecordRef]
        var canWrite: Bool
        var errors = Forms.Errors()

        func query(page: Int) -> String {
            QueryString.encode([("kind", kind), ("place", placeID), ("from", from), ("to", to), ("page", String(page))])
        }
    }

    static func index(_ model: IndexModel, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("context.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("context.title")) }
                if model.canWrite { H.link(text("context.new"), to: .new(.contextEvent), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.contextEvents).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            Paragraph(text("context.intro"))
            H.el("form", [("method", "get"), ("action", SiteURL.list(.contextEvent).path), ("class", "filters"), ("role", "search")]) {
                Forms.select(label: text("context.kind"), name: "kind",
                             options: RegistryViews.options(ContextEventKind.self, prefix: "contextKind", text: text, empty: text("list.any")), selected: model.kind)
                Forms.select(label: text("context.places"), name: "place",
                             options: RegistryViews.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
                Forms.field(label: text("engagements.from"), name: "from", type: "date", value: model.from, error: model.errors["from"])
                Forms.field(label: text("engagements.to"), name: "to", type: "date", value: model.to, error: model.errors["to"])
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty { Paragraph(text("context.none")) } else { list(model.page.items, text: text) }
            RegistryViews.pager(model.page, base: SiteURL.list(.contextEvent).path, query: model.query, text: text)
        }
    }

    static func list(_ items: [ContextEventSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "records")]) {
            for item in items { H.el("li", [("class", "context-event")]) { entry(item, text: text) } }
        }
    }

    /// One event as a timeline shows it: marked as context, so it is never read as the organisation's own work.
    static func entry(_ item: ContextEventSummary, text: Localizer) -> Component {
        H.group {
            H.el("p", [("class", "record-title")]) {
                H.text("span", [("class", "badge badge-context")], text("context.badge"))
                Text(" ")
                H.link(item.title, to: .record(.contextEvent, item.id))
                RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
            }
            H.text("p", [("class", "record-meta")], ([dates(item.period), text("contextKind.\(item.kind.rawValue)"),
                                                      text("severity.\(item.severity.rawValue)")] + item.places.map(\.name)).joined(separator: " · "))
        }
    }

    static func dates(_ period: EventPeriod) -> String {
        period.isSingleDay ? period.startsOn.description : "\(period.startsOn) – \(period.endsOn)"
    }

    struct Model: Sendable {
        var event: ContextEventRecord
        var canWrite: Bool
        var canRestore: Bool
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let event = model.event
        let summary = event.summary
        return Layout.page(title: summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("context.title"), to: .list(.contextEvent)) }
            H.el("h1") { Text(summary.title) }
            H.el("p", [("class", "record-meta")]) {
                H.text("span", [("class", "badge badge-context")], text("context.badge"))
                RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            }
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .record(.contextEvent, event.id, .edit), delete: summary.isDeleted ? nil : .record(.contextEvent, event.id, .delete),
                                      restore: summary.isDeleted && model.canRestore ? .record(.contextEvent, event.id, .restore) : nil,
                                      history: .record(.contextEvent, event.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.contextEvent, event.id, .history), [("class", "button secondary")]) }
            }
            facts(event, text: text)
        }
    }

    static func facts(_ event: ContextEventRecord, text: Localizer) -> Component {
        let summary = event.summary
        return RegistryViews.facts([
            (text("context.dates"), Text(dates(summary.period))),
            (text("context.kind"), Text(text("contextKind.\(summary.kind.rawValue)"))),
            (text("context.severity"), Text(text("severity.\(summary.severity.rawValue)"))),
            (text("context.places"), summary.places.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for place in summary.places { H.el("li") { H.link(place.name, to: .record(.place, place.id)) } }
            }),
            (text("context.description"), RegistryViews.plain(event.description)),
            // A source is someone else's page: no referrer, and not able to reach back into this one.
            (text("context.source"), event.sourceURL.map { url in
                H.el("a", [("href", url), ("rel", "noopener noreferrer external")]) { Text(url) }
            }),
            (text("context.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    struct Values: FormVersion {
        var title = "", kind = "", severity = Severity.moderate.rawValue, startsOn = "", endsOn = "", description = "", sourceURL = ""
        var confidentiality = Confidentiality.internal.rawValue, placeIDs: [String] = [], version = ""

        init() {}

        init(_ event: ContextEventRecord) {
            let summary = event.summary
            title = summary.title
            kind = summary.kind.rawValue
            severity = summary.severity.rawValue
            startsOn = summary.period.startsOn.description
            endsOn = summary.period.isSingleDay ? "" : summary.period.endsOn.description
            description = event.description ?? ""
            sourceURL = event.sourceURL ?? ""
            confidentiality = summary.confidentiality.rawValue
            placeIDs = summary.places.map { $0.id.uuidString.lowercased() }
            version = String(event.version)
        }
    }

    struct FormModel: Sendable {
        var existing: ContextEventRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: ContextEventRecord?
        var places: [RecordRef]
        var canWriteRestricted: Bool
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("context.edit") + ": " + $0.summary.title } ?? text("context.new")
        let confidentiality = Confidentiality.allCases.filter { $0 != .restricted || model.canWriteRestricted || values.confidentiality == $0.rawValue }
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
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.contextEvent, $0.id) } ?? .list(.contextEvent)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"], required: true)
                Forms.select(label: text("context.kind"), name: "kind",
                             options: RegistryViews.options(ContextEventKind.self, prefix: "contextKind", text: text, empty: text("engagements.noChoice")),
                             selected: values.kind, error: errors["kind"])
                Forms.select(label: text("context.severity"), name: "severity",
                             options: RegistryViews.options(Severity.self, prefix: "severity", text: text), selected: values.severity, error: errors["severity"])
                Forms.field(label: text("context.startsOn"), name: "startsOn", type: "date", value: values.startsOn, error: errors["startsOn"], required: true)
                Forms.field(label: text("context.endsOn"), name: "endsOn", type: "date", value: values.endsOn, error: errors["endsOn"], help: text("context.endsOn.help"))
                VisitPages.multiple(label: text("context.places"), name: "placeIDs", refs: model.places, selected: values.placeIDs, error: errors["placeIDs"],
                                    help: text("visits.places.help"))
                RegistryViews.textarea(label: text("context.description"), name: "description", value: values.description, error: errors["description"], rows: 5)
                Forms.field(label: text("context.source"), name: "sourceURL", type: "url", value: values.sourceURL, error: errors["sourceURL"])
                Forms.select(label: text("context.confidentiality"), name: "confidentiality",
                             options: confidentiality.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) }, selected: values.confidentiality,
                             error: errors["confidentiality"])
                Forms.submit(text("record.save"))
            }
        }
    }
}
