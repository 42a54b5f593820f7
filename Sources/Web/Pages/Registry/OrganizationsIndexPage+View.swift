import Domain
import Features
import Markup

extension OrganizationsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("organizations.title"),
                              new: model.canWrite ? (text("organizations.new"), .new(.organization)) : nil,
                              csv: .organizations, url: .list(.organization), saved: SavedFiltersBar(saved: model.saved, list: .organization, query: model.query(page: 1),
                                                     defaults: ["sort=name"]),
                              isEmpty: model.page.items.isEmpty,
                              emptyText: text("list.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            RegistryFilters.nameBox(model.text, text: text)
            Filters.more(open: model.hasMoreFilters, text: text) {
                Filters.choice(OrganizationKind.self, text("organizations.kind"), name: "kind", prefix: "kind",
                               selected: model.kind, text: text)
                Filters.choice(GovernanceLevel.self, text("organizations.level"), name: "level", prefix: "level",
                               selected: model.level, text: text)
                Filters.choice(model.places, text("organizations.place"), name: "place", selected: model.placeID,
                               text: text)
                RegistryFilters.sortAndDeleted(sort: model.sort, includeDeleted: model.includeDeleted,
                                               canRestore: model.canRestore, text: text)
            }
        } items: {
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// Name (and other names), kind, level of governance and place.
    static func table(_ model: Model, text: Localizer) -> DataTable<OrganizationRow> {
        DataTable(label: text("organizations.title"), columns: [
            .init(label: text("field.name"), sorts: .init(ascending: SortOrder.name.rawValue,
                                                          descending: SortOrder.nameDescending.rawValue)) { row in
                H.group {
                    H.link(row.name, to: .record(.organization, row.id))
                    if !row.otherNames.isEmpty {
                        H.text("span", [("class", "muted")], " (" + row.otherNames.joined(separator: ", ") + ")")
                    }
                    Badges.of(restricted: false, deleted: row.deleted, text: text)
                }
            },
            .init(label: text("organizations.kind")) { text("kind.\($0.kind)") },
            .init(label: text("organizations.level")) { $0.level.map { text("level.\($0)") } ?? "" },
            .init(label: text("organizations.place")) { $0.place ?? "" },
        ], sort: model.sort, sortedBy: model.sorted)
    }
}
