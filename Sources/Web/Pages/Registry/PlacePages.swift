import Foundation
import Domain
import Features
import Markup

/// All places, broadest first within each name order, with a filter that matches any language's name.
enum PlacesIndexPage {
    struct Model: Sendable {
        var page: ListPage<PlaceRecord>
        var text: String
        var kind: String
        var canWrite: Bool

        func query(page: Int) -> String { QueryString.encode([("q", text), ("kind", kind), ("page", String(page))]) }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("places.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("places.title")) }
                if model.canWrite { H.link(text("places.new"), to: .new(.place), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.places).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            H.el("form", [("method", "get"), ("action", SiteURL.list(.place).path), ("class", "filters"), ("role", "search")]) {
                Forms.field(label: text("list.filterBox"), name: "q", type: "search", value: model.text, help: text("list.filterBox.help"))
                Forms.select(label: text("places.kind"), name: "kind", options: RegistryViews.options(PlaceKind.self, prefix: "placeKind", text: text, empty: text("list.any")), selected: model.kind)
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty {
                Paragraph(text("list.none"))
            } else {
                H.el("ul", [("class", "records")]) {
                    for place in model.page.items {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) { H.link(place.name, to: .record(.place, place.id)) }
                            H.text("p", [("class", "record-meta")], ([text("placeKind.\(place.kind)")] + [place.parent?.name].compactMap { $0 }).joined(separator: " · "))
                            H.text("p", [("class", "record-meta muted")], place.names.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " · "))
                        }
                    }
                }
            }
            RegistryViews.pager(model.page, base: SiteURL.list(.place).path, query: model.query, text: text)
        }
    }
}

enum PlacePage {
    struct Model: Sendable {
        var data: PlacePageData
        var canWrite: Bool
        /// The latest engagements here, newest first (the whole timeline is one link away).
        var engagements: ListPage<EngagementSummary>?
        /// Context events here over the same days.
        var context: [ContextEventSummary] = []
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let place = model.data.place
        return Layout.page(title: place.name, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                H.link(text("places.title"), to: .list(.place))
                for ancestor in model.data.path { Text(" › "); H.link(ancestor.name, to: .record(.place, ancestor.id)) }
            }
            H.el("h1") { Text(place.name) }
            RegistryViews.actions(edit: model.canWrite ? .record(.place, place.id, .edit) : nil, delete: model.canWrite ? .record(.place, place.id, .delete) : nil, restore: nil,
                                  history: .record(.place, place.id, .history), csrf: chrome.csrfToken, text: text)
            RegistryViews.facts([
                (text("places.kind"), Text(text("placeKind.\(place.kind)"))),
                (text("places.names"), H.el("ul", [("class", "plain")]) {
                    for (language, name) in place.names.sorted(by: { $0.key < $1.key }) {
                        H.el("li") { H.text("span", [("class", "muted")], language + ": "); H.el("span", [("lang", language)]) { Text(name) } }
                    }
                }),
                (text("places.latitude"), place.latitude.map { Text(String($0)) }),
                (text("places.longitude"), place.longitude.map { Text(String($0)) }),
            ], text: text)
            section("children", text("places.children"), model.data.children) { .record(.place, $0) }
            section("organizations", text("places.organizations"), model.data.organizations) { .record(.organization, $0) }
            section("people", text("places.people"), model.data.people) { .record(.person, $0) }
            if let engagements = model.engagements, !engagements.items.isEmpty || !model.context.isEmpty {
                H.el("section", [("aria-labelledby", "engagements-heading")]) {
                    H.el("h2", [("id", "engagements-heading")]) { Text(text("engagements.timeline")) }
                    EngagementViews.timeline(engagements.items, context: model.context, newestFirst: true, text: text)
                    if engagements.hasMore {
                        H.el("a", [("href", SiteURL.list(.engagement).path + "?place=" + place.id.path)]) { Text(text("places.allEngagements")) }
                    }
                }
            }
        }
    }

    static func section(_ id: String, _ title: String, _ refs: [RecordRef], url: @escaping (UUID) -> SiteURL) -> Component {
        if refs.isEmpty { return H.empty }
        return H.el("section", [("aria-labelledby", "\(id)-heading")]) {
            H.el("h2", [("id", "\(id)-heading")]) { Text(title) }
            H.el("ul", [("class", "plain columns")]) { for ref in refs { H.el("li") { H.link(ref.name, to: url(ref.id)) } } }
        }
    }
}

enum PlaceFormPage {
    struct Values: FormVersion {
        var kind = PlaceKind.settlement.rawValue, parentID = "", latitude = "", longitude = "", version = ""
        /// Rows of language and name; the form shows these and a few empty rows.
        var names: [(String, String)] = []
    }

    struct Model: Sendable {
        var existing: PlaceRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: PlaceRecord?
        var places: [RecordRef]
    }

    static let extraRows = 3

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let title = model.existing.map { text("record.edit") + ": " + $0.name } ?? text("places.new")
        let rows = values.names + Array(repeating: ("", ""), count: extraRows)
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let existing = model.existing { H.link(existing.name, to: .record(.place, existing.id)) } else { H.link(text("places.title"), to: .list(.place)) }
            }
            H.el("h1") { Text(title) }
            if model.conflict != nil {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) { Paragraph(text("record.conflict")) }
            } else {
                Forms.errorSummary(errors, text: text)
            }
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.place, $0.id) } ?? .list(.place)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.select(label: text("places.kind"), name: "kind", options: RegistryViews.options(PlaceKind.self, prefix: "placeKind", text: text), selected: values.kind, error: errors["kind"])
                Forms.select(label: text("places.parent"), name: "parentID", options: RegistryViews.refOptions(model.places.filter { $0.id != model.existing?.id }, empty: "—"),
                             selected: values.parentID, error: errors["parentID"])
                H.el("fieldset", [("id", "f-names")]) {
                    H.el("legend") { Text(text("places.names")) }
                    H.text("p", [("class", "help")], text("places.names.help"))
                    if let error = errors["names"] { H.text("p", [("class", "error")], error) }
                    for (index, row) in rows.enumerated() {
                        H.el("div", [("class", "name-row")]) {
                            Forms.field(label: text("places.language"), name: "language\(index)", value: row.0, autocomplete: "off")
                            Forms.field(label: text("places.name"), name: "name\(index)", value: row.1, autocomplete: "off")
                        }
                    }
                }
                Forms.field(label: text("places.latitude"), name: "latitude", value: values.latitude, error: errors["latitude"], autocomplete: "off")
                Forms.field(label: text("places.longitude"), name: "longitude", value: values.longitude, error: errors["longitude"], autocomplete: "off")
                Forms.submit(text("record.save"))
            }
        }
    }
}
