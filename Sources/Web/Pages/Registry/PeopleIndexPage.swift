import Domain
import Features
import Markup

/// The people list: a filter box that matches any spelling, filters, sorting, paging.
enum PeopleIndexPage {
    struct Model: Sendable {
        var page: ListPage<PersonRow>
        var text: String
        var communityID: String
        var placeID: String
        var sensitivity: String
        var sort: String
        var includeDeleted: Bool
        var communities: [RecordRef]
        var places: [RecordRef]
        var canSeeRestricted: Bool
        var canRestore: Bool
        var canWrite: Bool

        var hasMoreFilters: Bool { !communityID.isEmpty || !placeID.isEmpty || !sensitivity.isEmpty || sort != SortOrder.name.rawValue || includeDeleted }

        func query(page: Int) -> String {
            var items = [("q", text), ("community", communityID), ("place", placeID), ("sensitivity", sensitivity), ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("people.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("people.title")) }
                if model.canWrite { H.link(text("people.new"), to: .new(.person), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.people).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            H.el("form", [("method", "get"), ("action", SiteURL.list(.person).path), ("class", "filters"), ("role", "search")]) {
                Forms.field(label: text("list.filterBox"), name: "q", type: "search", value: model.text, help: text("list.filterBox.help"))
                // On a phone the name box comes first; the other filters fold away until wanted.
                H.el("details", [("class", "more-filters"), ("open", model.hasMoreFilters ? "" : nil)]) {
                H.el("summary") { Text(text("list.moreFilters")) }
                Forms.select(label: text("people.community"), name: "community",
                             options: RegistryViews.refOptions(model.communities, empty: text("list.any")), selected: model.communityID)
                Forms.select(label: text("people.place"), name: "place",
                             options: RegistryViews.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
                if model.canSeeRestricted {
                    Forms.select(label: text("people.sensitivity"), name: "sensitivity",
                                 options: RegistryViews.options(Sensitivity.self, prefix: "sensitivity", text: text, empty: text("list.any")),
                                 selected: model.sensitivity)
                }
                Forms.select(label: text("list.sort"), name: "sort",
                             options: SortOrder.allCases.map { ($0.rawValue, text("list.sort.\($0.rawValue)")) }, selected: model.sort)
                if model.canRestore { Forms.checkbox(label: text("list.showDeleted"), name: "deleted", checked: model.includeDeleted) }
                }
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty {
                Paragraph(text("list.none"))
            } else {
                H.el("ul", [("class", "records")]) {
                    for row in model.page.items {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) {
                                H.link([row.honorific, row.name].compactMap { $0 }.joined(separator: " "), to: .record(.person, row.id))
                                RegistryViews.badges(restricted: row.sensitivity == Sensitivity.restricted.rawValue, deleted: row.deleted, text: text)
                            }
                            if !row.currentRoles.isEmpty { H.text("p", [("class", "record-meta")], row.currentRoles.joined(separator: "; ")) }
                            if let community = row.community { H.text("p", [("class", "record-meta muted")], community) }
                        }
                    }
                }
            }
            RegistryViews.pager(model.page, base: SiteURL.list(.person).path, query: model.query, text: text)
        }
    }
}
