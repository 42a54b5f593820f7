import Domain
import Features
import Markup

extension PlacesIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("places.title"),
                              new: model.canWrite ? (text("places.new"), .new(.place)) : nil,
                              csv: .places, url: .list(.place), isEmpty: model.page.items.isEmpty,
                              emptyText: text("list.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            RegistryFilters.nameBox(model.text, text: text)
            Filters.choice(PlaceKind.self, text("places.kind"), name: "kind", prefix: "placeKind",
                           selected: model.kind, text: text)
        } items: {
            RecordList.view(model.page.items) { place in
                RecordList.entry(place.name, to: .record(.place, place.id),
                                 meta: ([text("placeKind.\(place.kind)")] + [place.parent?.name].compactMap { $0 })
                                    .joined(separator: " · "), text: text)
                H.text("p", [("class", "record-meta muted")],
                       place.names.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " · "))
            }
        }
    }
}
