import Domain
import Features
import Markup

extension PlacePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let place = model.data.place
        return RecordHeader(.place, place, trail: [(text("places.title"), .list(.place))]
                                + model.data.path.map { ($0.name, .record(.place, $0.id)) },
                            canWrite: model.canWrite, canRestore: false).page(chrome: chrome) {
            Facts.list([
                (text("places.kind"), Text(text("placeKind.\(place.kind)"))),
                (text("places.names"), names(place)),
                (text("places.latitude"), place.latitude.map { Text(String($0)) }),
                (text("places.longitude"), place.longitude.map { Text(String($0)) }),
            ], text: text)
            Section.unlessEmpty(model.data.children, id: "children-heading", title: text("places.children")) {
                columns(model.data.children, .place)
            }
            Section.unlessEmpty(model.data.organizations, id: "organizations-heading",
                                title: text("places.organizations")) {
                columns(model.data.organizations, .organization)
            }
            Section.unlessEmpty(model.data.people, id: "people-heading", title: text("places.people")) {
                columns(model.data.people, .person)
            }
            if let engagements = model.engagements, !engagements.items.isEmpty || !model.context.isEmpty {
                Section.view(id: "engagements-heading", title: text("engagements.timeline")) {
                    EngagementViews.timeline(engagements.items, context: model.context, newestFirst: true, text: text)
                    if engagements.hasMore {
                        H.el("a", [("href", SiteURL.list(.engagement).path + "?place=" + place.id.path)]) {
                            Text(text("places.allEngagements"))
                        }
                    }
                }
            }
        }
    }

    /// The names by language, each marked with its language for screen readers.
    static func names(_ place: PlaceRecord) -> Component {
        H.el("ul", [("class", "plain")]) {
            for (language, name) in place.names.sorted(by: { $0.key < $1.key }) {
                H.el("li") {
                    H.text("span", [("class", "muted")], language + ": ")
                    H.el("span", [("lang", language)]) { Text(name) }
                }
            }
        }
    }

    static func columns(_ refs: [RecordRef], _ resource: Resource) -> Component {
        H.el("ul", [("class", "plain columns")]) {
            for ref in refs { H.el("li") { H.link(ref.name, to: .record(resource, ref.id)) } }
        }
    }
}
