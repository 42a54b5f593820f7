import Domain
import Features
import Markup

extension OrganizationsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("organizations.title"),
                              new: model.canWrite ? (text("organizations.new"), .new(.organization)) : nil,
                              csv: .organizations, url: .list(.organization), isEmpty: model.page.items.isEmpty,
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
            RecordList.view(model.page.items) { row in
                H.el("p", [("class", "record-title")]) {
                    H.link(row.name, to: .record(.organization, row.id))
                    if !row.otherNames.isEmpty {
                        H.text("span", [("class", "muted")], " (" + row.otherNames.joined(separator: ", ") + ")")
                    }
                    Badges.of(restricted: false, deleted: row.deleted, text: text)
                }
                H.text("p", [("class", "record-meta")],
                       [text("kind.\(row.kind)"), row.level.map { text("level.\($0)") }, row.place]
                    .compactMap { $0 }.joined(separator: " · "))
            }
        }
    }
}
