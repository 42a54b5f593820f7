import Domain
import Features
import Markup

extension ContextEventsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("context.title"),
                              new: model.canWrite ? (text("context.new"),
                                                     .new(.contextEvent)) : nil, csv: .contextEvents,
                              intro: text("context.intro"), url: .list(.contextEvent),
                              isEmpty: model.page.items.isEmpty, emptyText: text("context.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Filters.choice(ContextEventKind.self, text("context.kind"), name: "kind", prefix: "contextKind",
                           selected: model.kind, text: text)
            Filters.choice(model.places, text("context.places"), name: "place", selected: model.placeID, text: text)
            Filters.period(from: model.from, to: model.to, errors: model.errors, text: text)
        } items: {
            RecordList.view(model.page.items, itemClass: "context-event") { ContextEventViews.entry($0, text: text) }
        }
    }
}
