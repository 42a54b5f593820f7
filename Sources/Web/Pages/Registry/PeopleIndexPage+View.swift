import Domain
import Features
import Markup

extension PeopleIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("people.title"),
                              new: model.canWrite ? (text("people.new"), .new(.person)) : nil,
                              csv: .people, url: .list(.person), isEmpty: model.page.items.isEmpty,
                              emptyText: text("list.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            RegistryFilters.nameBox(model.text, text: text)
            // On a phone the name box comes first; the other filters fold away until wanted.
            Filters.more(open: model.hasMoreFilters, text: text) {
                Forms.select(label: text("people.community"), name: "community",
                             options: Forms.refOptions(model.communities,
                                                       empty: text("list.any")), selected: model.communityID)
                Filters.choice(model.places, text("people.place"), name: "place", selected: model.placeID, text: text)
                if model.canSeeRestricted {
                    Filters.choice(Sensitivity.self, text("people.sensitivity"), name: "sensitivity",
                                   prefix: "sensitivity",
                                   selected: model.sensitivity, text: text)
                }
                RegistryFilters.sortAndDeleted(sort: model.sort, includeDeleted: model.includeDeleted,
                                               canRestore: model.canRestore, text: text)
            }
        } items: {
            RecordList.view(model.page.items) { row in
                RecordList.entry([row.honorific, row.name].compactMap { $0 }.joined(separator: " "),
                                 to: .record(.person, row.id),
                                 restricted: row.sensitivity == Sensitivity.restricted.rawValue, deleted: row.deleted,
                                 meta: row.currentRoles.isEmpty ? nil : row.currentRoles.joined(separator: "; "),
                                 text: text)
                if let community = row.community { H.text("p", [("class", "record-meta muted")], community) }
            }
        }
    }
}
